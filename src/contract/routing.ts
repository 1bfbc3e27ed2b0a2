import { z } from 'zod';
import { channels } from './channels.ts';
import { idSchema, nonEmpty, timestamp } from './common.ts';
import { limits } from './limits.ts';

/**
 * Routing and automatic assignment (DESIGN.md §2): routing rules pick the department of a ticket
 * created without one; a department may then assign it to one of its available members.
 */

export const routingLimits = {
  rulesMax: 200,
  matchListMax: 100,
  keywordsMax: 50,
  keywordMax: 100,
} as const;

/** manual: nobody is picked; round_robin: the member after the last one picked; least_loaded: the member with the fewest active tickets. */
export const assignmentModes = ['manual', 'round_robin', 'least_loaded'] as const;
export type AssignmentMode = (typeof assignmentModes)[number];

export const assignmentMode = z
  .enum(assignmentModes)
  .describe(
    'How a ticket that enters the department with no assignee gets one: manual (nobody), round_robin (the next active member accepting tickets, in turn), ' +
      'least_loaded (the active member accepting tickets with the fewest new, open and pending tickets; ties: assigned least recently, then lowest id)',
  );

const matchList = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(routingLimits.matchListMax);

const source = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(50)
  .regex(/^[a-z0-9_-]+$/, 'lower-case letters, digits, - and _');

/** A keyword or phrase: matched as whole words, ignoring case and accents, so it needs a letter or digit. */
const keyword = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(routingLimits.keywordMax)
  .refine((k) => /[\p{L}\p{N}]/u.test(k), 'needs a letter or a digit');

/** The match lists; a null list matches any ticket. All lists of a rule must match. */
const ruleFields = {
  name: nonEmpty(limits.nameMax),
  channels: matchList(z.enum(channels)).nullable().describe('null: any channel'),
  sources: matchList(source).nullable().describe('null: any source (website, ebay, amazon, google…; lower case)'),
  category_ids: matchList(idSchema).nullable().describe('null: any category (or none)'),
  customer_ids: matchList(idSchema).nullable().describe('Customers (companies); null: any customer (or none)'),
  subject_keywords: z
    .array(keyword)
    .min(1)
    .max(routingLimits.keywordsMax)
    .nullable()
    .describe('Words or phrases of which one must appear in the subject as whole words, ignoring case and accents ("refund" matches "REFUND!" and "réfund", not "refunded"); null: any subject'),
  department_id: idSchema.describe('The department the ticket goes to'),
  is_active: z.boolean(),
};

export const createRoutingRuleBody = z.strictObject({
  name: ruleFields.name,
  channels: ruleFields.channels.default(null),
  sources: ruleFields.sources.default(null),
  category_ids: ruleFields.category_ids.default(null),
  customer_ids: ruleFields.customer_ids.default(null),
  subject_keywords: ruleFields.subject_keywords.default(null),
  department_id: ruleFields.department_id,
  is_active: ruleFields.is_active.default(true),
});
export type CreateRoutingRuleBody = z.infer<typeof createRoutingRuleBody>;

export const patchRoutingRuleBody = z
  .strictObject({
    name: ruleFields.name.optional(),
    channels: ruleFields.channels.optional(),
    sources: ruleFields.sources.optional(),
    category_ids: ruleFields.category_ids.optional(),
    customer_ids: ruleFields.customer_ids.optional(),
    subject_keywords: ruleFields.subject_keywords.optional(),
    department_id: ruleFields.department_id.optional(),
    is_active: ruleFields.is_active.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type PatchRoutingRuleBody = z.infer<typeof patchRoutingRuleBody>;

export const routingRule = z
  .object({
    id: z.number(),
    name: z.string(),
    position: z.number().describe('Rules are tried in this order; the first active match routes the ticket'),
    channels: z.array(z.enum(channels)).nullable(),
    sources: z.array(z.string()).nullable(),
    category_ids: z.array(z.number()).nullable(),
    customer_ids: z.array(z.number()).nullable(),
    subject_keywords: z.array(z.string()).nullable(),
    department_id: z.number(),
    is_active: z.boolean(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'RoutingRule' });
export type RoutingRule = z.infer<typeof routingRule>;

export const orderRoutingRulesBody = z.strictObject({
  ids: z.array(idSchema).max(routingLimits.rulesMax).describe('Every rule id of the workspace, in the order they are tried'),
});
export type OrderRoutingRulesBody = z.infer<typeof orderRoutingRulesBody>;

/** An agent's availability for automatic assignment: set by the agent (PUT /me/availability) or an admin (PATCH /agents/{id}). */
export const availabilityBody = z.strictObject({
  accepting_tickets: z.boolean().describe('false: automatic assignment passes this agent over (manual assignment still works)'),
});
export type AvailabilityBody = z.infer<typeof availabilityBody>;
export const availability = z.object({ accepting_tickets: z.boolean() }).meta({ id: 'Availability' });
export type Availability = z.infer<typeof availability>;
