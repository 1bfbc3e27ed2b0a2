import { z } from 'zod';
import { idSchema, timestamp } from './common.ts';
import { limits } from './limits.ts';

/**
 * What an endpoint may subscribe to. Each history event of a ticket is delivered as one of these
 * (migrations/0015_webhooks.sql, webhook_event_name): status_changed covers open, hold, resume,
 * resolve, reopen and close; message_added replies and internal notes; assigned also unassigning;
 * updated every other change (fields, lock, a customer merge, …).
 */
export const webhookEvents = [
  'ticket.created',
  'ticket.updated',
  'ticket.status_changed',
  'ticket.message_added',
  'ticket.assigned',
  'ticket.escalated',
  'ticket.verified',
  'ticket.rejected',
  'ticket.sla_warning',
  'ticket.reminded',
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

export const webhookLimits = {
  /** Endpoints per workspace. */
  endpointsMax: 20,
  urlMax: 2000,
  descriptionMax: 200,
  /** How long deliveries are also signed with the secret a rotation replaced. */
  rotationGraceHours: 24,
} as const;

export const deliveryStatuses = ['queued', 'sending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(webhookLimits.urlMax)
  .describe('Where deliveries are posted; a host resolving to a loopback or private address needs allow_private, a link-local or reserved one is refused');
const events = z
  .array(z.enum(webhookEvents))
  .min(1, 'choose at least one event')
  .max(webhookEvents.length)
  .refine((list) => new Set(list).size === list.length, 'each event once')
  .describe('The events delivered to this endpoint');
const allowPrivate = z
  .boolean()
  .describe('Allow a loopback or private address: this machine or the local network (self-hosting); off, such URLs are refused');

export const webhook = z
  .object({
    id: z.number(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.enum(webhookEvents)),
    allow_private: z.boolean(),
    enabled: z.boolean(),
    disabled_at: timestamp.nullable(),
    disabled_reason: z.string().nullable().describe('Why it was turned off: by an admin, or after repeated failed deliveries'),
    consecutive_failures: z.number().describe('Deliveries given up since the last one that arrived'),
    previous_secret_until: timestamp.nullable().describe('Until then deliveries also carry a signature with the secret the last rotation replaced'),
    last_success_at: timestamp.nullable(),
    last_failure_at: timestamp.nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof webhook>;

export const webhookWithSecret = webhook
  .extend({ secret: z.string().describe('Signs every delivery (X-Caredesk-Signature); shown only now, keep it') })
  .meta({ id: 'WebhookWithSecret' });
export type WebhookWithSecret = z.infer<typeof webhookWithSecret>;

/** All of them (a workspace has at most endpointsMax): next_cursor is always null, as lists answer. */
export const webhookList = z.object({ items: z.array(webhook), next_cursor: z.null() }).meta({ id: 'WebhookList' });
export type WebhookList = z.infer<typeof webhookList>;

export const createWebhookBody = z.strictObject({
  url: webhookUrl,
  description: z.string().trim().max(webhookLimits.descriptionMax).default(''),
  events,
  allow_private: allowPrivate.default(false),
});
export type CreateWebhookBody = z.input<typeof createWebhookBody>;

export const patchWebhookBody = z.strictObject({
  url: webhookUrl.optional(),
  description: z.string().trim().max(webhookLimits.descriptionMax).optional(),
  events: events.optional(),
  allow_private: allowPrivate.optional(),
  enabled: z.boolean().optional().describe('true turns a disabled endpoint on again (its waiting deliveries go out); false turns it off'),
});
export type PatchWebhookBody = z.infer<typeof patchWebhookBody>;

export const webhookDelivery = z
  .object({
    id: z.number().describe('Also sent as X-Caredesk-Delivery and as the body’s id: the same on every retry'),
    event: z.union([z.enum(webhookEvents), z.literal('ping')]),
    ticket_number: z.string().nullable(),
    status: z.enum(deliveryStatuses),
    attempts: z.number(),
    next_attempt_at: timestamp.nullable().describe('When it is tried again; null once delivered or failed'),
    last_attempt_at: timestamp.nullable(),
    last_status_code: z.number().nullable().describe("The endpoint's HTTP status at the last attempt; null when none came"),
    last_error: z.string().nullable(),
    response_excerpt: z.string().nullable().describe("The start of the endpoint's answer at the last attempt"),
    occurred_at: timestamp,
    created_at: timestamp,
    delivered_at: timestamp.nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

export const webhookDeliveryPage = z.object({ items: z.array(webhookDelivery), next_cursor: z.string().nullable() }).meta({ id: 'WebhookDeliveryPage' });
export type WebhookDeliveryPage = z.infer<typeof webhookDeliveryPage>;

export const webhookDeliveryQuery = z.strictObject({
  status: z.enum(deliveryStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
  cursor: z.string().max(200).optional(),
});

export const webhookDeliveryParams = z.strictObject({ id: idSchema, deliveryId: idSchema });
