import { z } from 'zod';
import { timestamp } from './common.ts';
import { limits } from './limits.ts';

export const inboundOutcomes = ['ticket_created', 'added_to_ticket', 'follow_up_created', 'ignored', 'bounce_recorded', 'unreadable_ticket'] as const;

export const inboundMailQuery = z.strictObject({
  outcome: z.enum([...inboundOutcomes, 'pending']).optional().describe('pending: stored, not read into Caredesk yet'),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
  cursor: z.string().max(200).optional(),
});

export const inboundMail = z
  .object({
    id: z.number(),
    message_id: z.string().nullable(),
    mail_from: z.string().describe("The SMTP envelope's sender; empty for bounces"),
    rcpt_to: z.array(z.string()).describe('The addresses it was delivered to here'),
    size_bytes: z.number(),
    received_at: timestamp.describe('When it was stored (and answered 250)'),
    processed_at: timestamp.nullable().describe('When it was read into Caredesk; null: not yet'),
    kind: z.enum(['mail', 'auto_reply', 'bounce']).nullable(),
    outcome: z.enum(inboundOutcomes).nullable(),
    reason: z.string().nullable().describe('What decided the outcome: the rule that threaded it, or why it was set aside'),
    readable: z.boolean().nullable().describe('false: its MIME could not be read; the ticket says so and the raw message is kept'),
    ticket_number: z.string().nullable(),
  })
  .meta({ id: 'InboundMail' });
export type InboundMail = z.infer<typeof inboundMail>;

export const inboundMailPage = z.object({ items: z.array(inboundMail), next_cursor: z.string().nullable() }).meta({ id: 'InboundMailPage' });
export type InboundMailPage = z.infer<typeof inboundMailPage>;
