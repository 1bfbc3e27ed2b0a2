import { z } from 'zod';
import { timestamp } from './common.ts';
import { limits } from './limits.ts';

/** Why a mail read in could not be read completely (migration 0016): agents see it as a flag beside the text. */
export const mailProblems = ['unparseable', 'truncated', 'charset', 'no_body'] as const;
export type MailProblem = (typeof mailProblems)[number];

/** What a ticket or message has of the mail it came in: its original, and whether it was read completely. */
export const mailOrigin = z
  .object({
    unreadable: z
      .enum(mailProblems)
      .nullable()
      .describe('null: read completely. unparseable: the MIME could not be parsed (the text is the raw message); truncated: a multipart ends without its closing boundary; charset: text that could not be decoded; no_body: no text, HTML or file'),
    raw_url: z.string().describe('GET it for the mail exactly as received (message/rfc822)'),
  })
  .meta({ id: 'MailOrigin' });
export type MailOrigin = z.infer<typeof mailOrigin>;

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
