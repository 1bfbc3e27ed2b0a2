import { z } from 'zod';
import { email, idSchema, nonEmpty, timestamp } from './common.ts';
import { phone } from './customers.ts';
import { limits } from './limits.ts';
import { inlineCustomer, orderItems, priorities, purchase, source, ticket } from './tickets.ts';

const ref = z.string().trim().min(1).max(limits.refMax);
const idOrName = z.union([idSchema, nonEmpty(limits.nameMax)]);

/** The channels whose sources are a workspace list (Website, eBay…; Google, Facebook…). */
export const sourceChannels = ['marketplace', 'review'] as const;

export const ticketSource = z
  .object({ channel: z.enum(sourceChannels), key: z.string(), label: z.string(), position: z.number(), retired: z.boolean() })
  .meta({ id: 'TicketSource' });
export type TicketSource = z.infer<typeof ticketSource>;

export const listSourcesQuery = z.strictObject({
  channel: z.enum(sourceChannels).optional(),
  include_retired: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const createSourceBody = z.strictObject({
  channel: z.enum(sourceChannels),
  key: source.pipe(z.string().min(1, 'must not be empty')).describe('Lower-case key stored on tickets, e.g. tokopedia'),
  label: nonEmpty(limits.nameMax),
});

export const sourceParams = z.strictObject({ channel: z.enum(sourceChannels), key: z.string().max(50) });

export const patchSourceBody = z
  .strictObject({
    label: nonEmpty(limits.nameMax).optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    retired: z.boolean().optional().describe('A retired source stays on old tickets and is no longer offered or accepted'),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const reviewRules = z
  .object({
    max_rating: z.number().int(),
    keywords: z.array(z.string()),
    locations: z.array(z.object({ location: z.string(), department: z.object({ id: z.number(), name: z.string() }) })),
  })
  .meta({ id: 'ReviewRules' });

export const putReviewRulesBody = z.strictObject({
  max_rating: z.number().int().min(0).max(5).describe('A review rated at or below this becomes a ticket; 0: no rating alone does'),
  keywords: z.array(nonEmpty(100)).max(200).describe('A review naming one of these (whole words, any case) becomes a ticket whatever its rating'),
  locations: z
    .array(z.strictObject({ location: nonEmpty(limits.nameMax), department: idSchema }))
    .max(1000)
    .describe("Reviews of this location go to this department"),
});

export const reviewBody = z.strictObject({
  platform: source.pipe(z.string().min(1, 'must not be empty')).describe('google, facebook, tripadvisor… (an unknown one is added to the review sources)'),
  external_id: ref.describe("The platform's id of the review: re-sending it updates the review and its ticket"),
  location: nonEmpty(limits.nameMax).optional().describe('Branch or store reviewed'),
  rating: z.number().int().min(1).max(5),
  author: nonEmpty(limits.nameMax).optional(),
  author_email: email.optional(),
  author_phone: phone.optional(),
  text: z.string().max(20_000).default(''),
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  reviewed_at: timestamp.optional(),
});
export type ReviewBody = z.infer<typeof reviewBody>;

export const reviewOutcomes = ['ticket_created', 'ticket_updated', 'review_updated', 'unchanged', 'not_a_ticket'] as const;

export const reviewResult = z
  .object({
    outcome: z.enum(reviewOutcomes),
    review: z.object({
      id: z.number(),
      platform: z.string(),
      external_id: z.string(),
      location: z.string().nullable(),
      rating: z.number(),
      author: z.string().nullable(),
      text: z.string(),
      url: z.string().nullable(),
      reviewed_at: timestamp.nullable(),
      edits: z.number(),
    }),
    ticket: ticket.nullable(),
  })
  .meta({ id: 'ReviewIntake' });
export type ReviewResult = z.infer<typeof reviewResult>;

export const orderIssueBody = z.strictObject({
  source: source.pipe(z.string().min(1, 'must not be empty')).describe('A marketplace source of the workspace: website, ebay, amazon, b2b…'),
  order_number: ref,
  external_id: ref.optional().describe("The marketplace's own id of the issue (a return or case id): re-sending it answers the same ticket"),
  items: orderItems.optional(),
  customer: inlineCustomer,
  category: idOrName.optional().describe('Category id or name: Return, Cancel, Damage…'),
  subject: nonEmpty(limits.subjectMax).optional().describe('Defaults to "<category>: order <order_number>"'),
  message: z.string().default(''),
  priority: z.enum(priorities).optional(),
  department: idOrName.optional(),
  transaction_ref: ref.optional(),
  purchase: purchase.optional(),
}).refine((b) => !b.purchase || b.transaction_ref, { message: 'a purchase needs its transaction_ref', path: ['transaction_ref'] });
export type OrderIssueBody = z.infer<typeof orderIssueBody>;
