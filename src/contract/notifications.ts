import { z } from 'zod';
import { idSchema, timestamp } from './common.ts';

/** Why an agent is told (DESIGN.md §2 "Notifications"); the SLA jobs add escalations, reminders and warnings before a due time passes. */
export const notificationKinds = [
  'new_ticket',
  'assigned',
  'customer_note',
  'customer_resolved',
  'customer_reopened',
  'escalation',
  'pending_reminder',
  'sla_warning',
  // An admin's: a webhook endpoint was turned off after repeated failures (the ticket of the last one).
  'webhook_disabled',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notification = z
  .object({
    id: z.number(),
    kind: z.enum(notificationKinds),
    ticket: z.object({ id: z.number(), number: z.string(), subject: z.string() }),
    actor_name: z.string().describe('Who caused it: an agent, the customer, an integration or System'),
    created_at: timestamp,
    read_at: timestamp.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notification>;

export const notificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('true: unread ones only'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const notificationsPage = z
  .object({
    items: z.array(notification),
    next_cursor: z.string().nullable(),
    unread_count: z.number().describe('All unread notifications of the agent, not only this page'),
  })
  .meta({ id: 'NotificationsPage' });
export type NotificationsPage = z.infer<typeof notificationsPage>;

export const readAllBody = z.strictObject({
  up_to: idSchema
    .optional()
    .describe('Mark only notifications with this id or lower: the newest one the agent saw, so later arrivals stay unread'),
});
export const readAllResult = z.object({ updated: z.number(), unread_count: z.number() });
