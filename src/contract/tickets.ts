import { z } from 'zod';
import { email, idSchema, nonEmpty, ref, timestamp } from './common.ts';
import { phone } from './customers.ts';
import { mailOrigin } from './inbound-mail.ts';
import { channels } from './channels.ts';
import { attachmentTypes, limits } from './limits.ts';
import { verificationStates } from './verification.ts';

export const statuses = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type Status = (typeof statuses)[number];
export const priorities = ['low', 'medium', 'high', 'urgent'] as const;
export { channels };
export const waitingOn = ['customer', 'third_party', 'internal'] as const;
export const closeReasons = ['manual', 'auto', 'rejected'] as const;
/** What a resolution is: `collect` tells the customer their product is ready to collect. */
export const resolutionKinds = ['collect', 'refund', 'replacement', 'explained', 'other'] as const;
/** Status filters: the five statuses plus the two derived views of DESIGN.md §4. */
export const statusFilters = [...statuses, 'overdue', 'auto_closed'] as const;
export const sortKeys = ['created_at', 'updated_at', 'number', 'priority', 'due'] as const;

const ref100 = z.string().trim().min(1).max(limits.refMax);
export const source = z
  .string()
  .trim()
  .toLowerCase()
  .max(50)
  .regex(/^[a-z0-9_-]*$/, 'lower-case letters, digits, - and _');
const idOrName = z.union([idSchema, nonEmpty(limits.nameMax)]);
const customFieldValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null(), z.array(z.string().max(500)).max(100)]);
const customFields = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'field keys are lower_snake_case'), customFieldValue)
  .refine((v) => JSON.stringify(v).length <= limits.customFieldsMaxBytes, 'custom fields are too large');
const tags = z.array(z.string().trim().min(1).max(limits.tagMax)).max(limits.tagsMax);

export const inlineCustomer = z
  .strictObject({
    name: nonEmpty(limits.nameMax),
    email: email.optional(),
    phone: phone.optional(),
    loyalty_id: ref100.optional().describe('The loyalty programme id: matches (or is recorded on) the customer user'),
  })
  .refine((c) => c.email || c.phone || c.loyalty_id, { message: 'an email, a phone number or a loyalty id is required', path: ['email'] });

export const orderItem = z
  .strictObject({
    sku: ref100.optional(),
    name: nonEmpty(limits.nameMax),
    quantity: z.number().int().min(1).max(1_000_000).default(1),
    price: z.number().min(0).max(1e12).optional().describe('Unit price in the order currency'),
  })
  .meta({ id: 'OrderItem' });
export const orderItems = z.array(orderItem).max(limits.orderItemsMax);

/** A loyalty purchase a ticket is about; `transaction_ref` names it. */
export const purchase = z
  .strictObject({
    store: nonEmpty(limits.nameMax).optional(),
    amount: z
      .number()
      .min(0)
      .max(1e12)
      .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'at most two decimals')
      .optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code in capitals, such as IDR').optional(),
    purchased_at: timestamp.optional(),
  })
  .meta({ id: 'PurchaseInput' });
export type PurchaseInput = z.infer<typeof purchase>;

export const createTicketBody = z
  .strictObject({
    subject: nonEmpty(limits.subjectMax),
    description: z.string().default(''),
    priority: z.enum(priorities).default('medium'),
    category: idOrName.optional().describe('Category id or name'),
    department: idOrName.optional().describe('Department id or name'),
    assignee: idSchema.optional().describe('Agent id'),
    channel: z.enum(channels).optional().describe('Defaults to phone for agents and api for API keys'),
    source: source.optional().describe('Marketplace or review source: website, ebay, amazon, b2b, google…'),
    customer: inlineCustomer.optional(),
    customer_user_id: idSchema.optional().describe('An existing customer user (instead of customer)'),
    order_number: ref100.optional(),
    transaction_ref: ref100.optional(),
    review_ref: ref100.optional(),
    order_items: orderItems.optional().describe('The items of the order the issue is about'),
    purchase: purchase.optional().describe('The loyalty purchase (with transaction_ref)'),
    custom_fields: customFields.optional(),
    tags: tags.optional(),
  })
  .refine((b) => !(b.customer && b.customer_user_id), {
    message: 'give either customer or customer_user_id, not both',
    path: ['customer'],
  })
  .refine((b) => !b.purchase || b.transaction_ref, { message: 'a purchase needs its transaction_ref', path: ['transaction_ref'] });
export type CreateTicketBody = z.infer<typeof createTicketBody>;

export const patchTicketBody = z
  .strictObject({
    subject: nonEmpty(limits.subjectMax).optional(),
    priority: z.enum(priorities).optional(),
    category: idOrName.nullable().optional(),
    department: idOrName.nullable().optional(),
    assignee: idSchema.nullable().optional(),
    custom_fields: customFields.optional(),
    tags: tags.optional(),
    order_number: ref100.nullable().optional(),
    transaction_ref: ref100.nullable().optional(),
    order_items: orderItems.optional(),
    purchase: purchase.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type PatchTicketBody = z.infer<typeof patchTicketBody>;

export const transitionBody = z.strictObject({
  to: z.enum(statuses),
  reason: z.string().trim().min(1).max(limits.reasonMax).optional(),
  waiting_on: z.enum(waitingOn).optional(),
  pending_until: timestamp.optional(),
  resolution: z.string().trim().min(1).max(limits.reasonMax).optional(),
  resolution_kind: z.enum(resolutionKinds).optional().describe('With to=resolved: what the resolution is; defaults to other'),
  close_reason: z.enum(['manual', 'rejected']).optional(),
});
export type TransitionBody = z.infer<typeof transitionBody>;

export const createMessageBody = z.strictObject({
  body: z.string().trim().min(1, 'must not be empty'),
  visibility: z.enum(['public', 'internal']).default('public'),
});

export const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1));
export const idCsv = z
  .string()
  .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[1-9]\d{0,15}$/, 'ids are positive integers').transform(Number)).min(1).max(100));
const dateOrTime = z.union([z.iso.date(), timestamp]);
/** `key:value` filters on ticket fields, repeatable (all must match). */
const fieldFilter = z
  .union([z.string(), z.array(z.string()).max(20)])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(
    z.array(
      z
        .string()
        .regex(/^[a-z][a-z0-9_]{0,62}:.{1,200}$/s, 'key:value, such as size:xl')
        .transform((s) => ({ key: s.slice(0, s.indexOf(':')), value: s.slice(s.indexOf(':') + 1) })),
    ),
  );
/** A comma list of sources (website, ebay, google, …), as typed in any case. */
export const sourceCsv = z
  .string()
  .transform((s) => s.split(',').map((v) => v.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(source).min(1).max(50));

export const listTicketsQuery = z.strictObject({
  status: csvOf(statusFilters).optional().describe('Comma list of new, open, pending, resolved, closed (not auto-closed), auto_closed, overdue'),
  priority: csvOf(priorities).optional().describe('Comma list of low, medium, high, urgent'),
  department: idCsv.optional().describe('Comma list of department ids'),
  category: idCsv.optional().describe('Comma list of category ids'),
  channel: csvOf(channels).optional().describe('Comma list of channels'),
  source: sourceCsv.optional(),
  assignee: z.union([z.literal('me'), z.literal('none'), idSchema]).optional().describe('Agent id, me, or none'),
  locked_by: z.union([z.literal('me'), idSchema]).optional().describe('Agent id or me'),
  my_departments: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('true: tickets of the departments the agent belongs to'),
  customer_user_id: idSchema.optional().describe('Tickets of this customer user'),
  customer_id: idSchema.optional().describe('Tickets of this customer (company)'),
  phone: z.string().trim().min(3).max(limits.phoneMax).optional().describe('Customer phone, any formatting'),
  email: z.string().trim().min(3).max(limits.emailMax).optional().describe('Customer email, case-insensitive'),
  number: z.string().trim().min(1).max(40).optional().describe('Ticket number'),
  order_number: z.string().trim().min(1).max(limits.refMax).optional().describe('Marketplace or shop order number'),
  transaction_ref: z.string().trim().min(1).max(limits.refMax).optional().describe('Loyalty purchase reference'),
  created_from: dateOrTime.optional().describe('YYYY-MM-DD (a day in the workspace time zone) or an ISO timestamp, inclusive'),
  created_to: dateOrTime.optional().describe('YYYY-MM-DD (inclusive day in the workspace time zone) or an ISO timestamp (exclusive)'),
  field: fieldFilter
    .optional()
    .describe('Ticket field filter key:value, repeatable: select, date, number and checkbox (true/false) values match exactly, multi select contains the option, text contains the words'),
  verification: csvOf(verificationStates).optional().describe('Comma list of verified, unverified (the "To verify" list), rejected'),
  q: z.string().trim().min(1).max(200).optional().describe('Full text over number, subject, description, customer name/email/phone, order number; ranked'),
  sort: z
    .string()
    .regex(new RegExp(`^-?(${[...sortKeys, 'relevance'].join('|')})$`), `one of ${sortKeys.join(', ')}, relevance; prefix - for descending`)
    .optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
  cursor: z.string().max(500).optional(),
});
export type ListTicketsQuery = z.infer<typeof listTicketsQuery>;
export const statsQuery = listTicketsQuery.omit({ sort: true, limit: true, cursor: true });
export type StatsQuery = z.infer<typeof statsQuery>;

export const ticket = z
  .object({
    id: z.number(),
    number: z.string(),
    subject: z.string(),
    description: z.string(),
    status: z.enum(statuses),
    priority: z.enum(priorities),
    category: ref.nullable(),
    department: ref.nullable(),
    assignee: ref.nullable(),
    reporter: ref.nullable(),
    customer_user: z
      .object({
        id: z.number(),
        name: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        bounced_at: timestamp.nullable().describe('When mail to them last bounced'),
        bounce_reason: z.string().nullable().describe('What that bounce said'),
      })
      .nullable(),
    customer: ref.nullable(),
    channel: z.enum(channels),
    source: z.string().nullable(),
    order_number: z.string().nullable(),
    transaction_ref: z.string().nullable(),
    review_ref: z.string().nullable(),
    review: z.object({ rating: z.number().int(), url: z.string().nullable() }).nullable().describe('A review ticket: the rating (1–5) and the link to the review'),
    order_items: z.array(z.object({ sku: z.string().optional(), name: z.string(), quantity: z.number(), price: z.number().optional() })),
    external_id: z.string().nullable().describe("The marketplace's own id of the issue"),
    purchase: z
      .object({ store: z.string().nullable(), amount: z.string().nullable().describe('Decimal, exact'), currency: z.string().nullable(), purchased_at: timestamp.nullable() })
      .nullable()
      .describe('The loyalty purchase named by transaction_ref'),
    custom_fields: z.record(z.string(), z.unknown()),
    tags: z.array(z.string()),
    locked_by: ref.nullable(),
    locked_at: timestamp.nullable(),
    pending_reason: z.string().nullable(),
    waiting_on: z.enum(waitingOn).nullable(),
    pending_until: timestamp.nullable(),
    resolved_by: z.string().nullable().describe('agent id, or "customer"'),
    resolution: z.string().nullable(),
    resolution_kind: z.enum(resolutionKinds).nullable(),
    close_reason: z.enum(closeReasons).nullable(),
    first_response_due_at: timestamp.nullable(),
    next_response_due_at: timestamp.nullable(),
    resolution_due_at: timestamp.nullable(),
    escalation_at: timestamp.nullable(),
    escalation_level: z.number(),
    is_overdue: z.boolean(),
    first_responded_at: timestamp.nullable(),
    verification_state: z.enum(verificationStates),
    mail: mailOrigin.nullable().describe('Set on a ticket a mail opened: the description is its text'),
    requested_department: ref.nullable().describe('While unverified: the department it was asked for or routed to, which verifying allocates it to'),
    created_at: timestamp,
    updated_at: timestamp,
    resolved_at: timestamp.nullable(),
    closed_at: timestamp.nullable(),
    version: z.number(),
  })
  .meta({ id: 'Ticket' });
export type Ticket = z.infer<typeof ticket>;

export const ticketStats = z
  .object({
    new: z.number(),
    open: z.number(),
    pending: z.number(),
    overdue: z.number(),
    resolved: z.number(),
    closed: z.number(),
    auto_closed: z.number(),
    total: z.number(),
  })
  .meta({ id: 'TicketStats' });
export type TicketStats = z.infer<typeof ticketStats>;

const actorKinds = ['agent', 'customer', 'system', 'integration'] as const;

export const attachment = z
  .object({
    id: z.number(),
    filename: z.string(),
    content_type: z.enum(attachmentTypes),
    size_bytes: z.number(),
    url: z.string().describe('GET it to download the file'),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof attachment>;

export const message = z
  .object({
    id: z.number(),
    kind: z.enum(['reply', 'note', 'system']),
    visibility: z.enum(['public', 'internal']),
    author: z.object({ kind: z.enum(actorKinds), id: z.number().nullable(), name: z.string() }),
    body: z.string(),
    attachments: z.array(attachment),
    mail: mailOrigin.nullable().describe('Set on a message that came by email'),
    created_at: timestamp,
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof message>;

export const ticketEvent = z
  .object({
    id: z.number(),
    type: z.string(),
    actor: z.object({ kind: z.enum(actorKinds), id: z.number().nullable(), name: z.string() }),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'TicketEvent' });
export type TicketEvent = z.infer<typeof ticketEvent>;

export const numberParams = z.strictObject({ number: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'a ticket number') });
export const attachmentParams = numberParams.extend({ id: idSchema });
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
  cursor: z.string().max(200).optional(),
});
