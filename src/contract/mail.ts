import { z } from 'zod';
import { timestamp } from './common.ts';
import { limits } from './limits.ts';
import { languages } from './workspaces.ts';

/**
 * The mails Caredesk sends, by template (the server's MailTemplate keys; a test keeps the two
 * lists equal). The outbox admin API and the mail-template editor speak these shapes.
 */
export const mailTemplateNames = [
  'sign_in_link',
  'ticket_created',
  'ticket_opened',
  'ticket_held',
  'agent_replied',
  'ticket_resolved',
  'ticket_closed',
  'ticket_reopened',
  'agent_notification',
  'department_new_ticket',
  'agent_invitation',
  'password_reset',
] as const;

export const outboxStatuses = ['queued', 'sending', 'sent', 'failed', 'kept'] as const;
export type OutboxStatusName = (typeof outboxStatuses)[number];

export const mailLimits = { subjectMax: 300, bodyMax: 20_000 } as const;

export const outboxQuery = z.strictObject({
  status: z.enum(outboxStatuses).optional().describe("kept: held in the dev outbox because no SMTP_URL is set"),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
  cursor: z.string().max(200).optional(),
});

export const outboxMail = z
  .object({
    id: z.number(),
    template: z.string(),
    language: z.string(),
    to_address: z.string(),
    to_name: z.string().nullable(),
    subject: z.string(),
    status: z.enum(outboxStatuses),
    attempts: z.number().describe('Delivery attempts so far'),
    next_attempt_at: timestamp.describe('When a queued mail is tried (again)'),
    last_error: z.string().nullable().describe("The last attempt's failure, as the mail server answered"),
    message_id: z.string().describe('Fixed when the mail was queued: a mail delivered twice after a crash carries the same one'),
    ticket_number: z.string().nullable(),
    created_at: timestamp,
    sent_at: timestamp.nullable(),
  })
  .meta({ id: 'OutboxMail' });
export type OutboxMail = z.infer<typeof outboxMail>;

export const outboxMailDetail = outboxMail
  .extend({
    text_body: z.string(),
    html_body: z.string(),
    in_reply_to: z.string().nullable(),
    references: z.array(z.string()),
  })
  .meta({ id: 'OutboxMailDetail' });
export type OutboxMailDetail = z.infer<typeof outboxMailDetail>;

export const outboxPage = z.object({ items: z.array(outboxMail), next_cursor: z.string().nullable() }).meta({ id: 'OutboxPage' });
export type OutboxPage = z.infer<typeof outboxPage>;

export const mailTemplateParams = z.strictObject({ template: z.enum(mailTemplateNames), language: z.enum(languages) });

export const mailTemplate = z
  .object({
    template: z.enum(mailTemplateNames),
    language: z.enum(languages),
    subject: z.string(),
    body: z.string().describe('Plain text with {{variables}}; the HTML part is made from it'),
    customised: z.boolean().describe("false: Caredesk's built-in wording"),
    updated_at: timestamp.nullable(),
    variables: z.array(z.string()).describe('The {{names}} this template may use'),
  })
  .meta({ id: 'MailTemplate' });
export type MailTemplateItem = z.infer<typeof mailTemplate>;

export const mailTemplateList = z.object({ items: z.array(mailTemplate), next_cursor: z.null() }).meta({ id: 'MailTemplateList' });

export const putMailTemplateBody = z.strictObject({
  subject: z.string().trim().min(1, 'must not be empty').max(mailLimits.subjectMax),
  body: z.string().trim().min(1, 'must not be empty').max(mailLimits.bodyMax),
});
export type PutMailTemplateBody = z.infer<typeof putMailTemplateBody>;

/** A draft to preview or test; without one, the wording mails are sent with now. */
export const draftMailTemplateBody = putMailTemplateBody.partial();
export const mailPreview = z
  .object({ subject: z.string(), text: z.string(), html: z.string().describe('The whole HTML part, as sent: show it in a sandboxed frame') })
  .meta({ id: 'MailPreview' });
export const mailTestSent = z.object({ outbox_id: z.number(), to_address: z.string() }).meta({ id: 'MailTestSent' });
export type MailPreview = z.infer<typeof mailPreview>;
export type MailTestSent = z.infer<typeof mailTestSent>;
