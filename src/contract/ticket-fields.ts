import { z } from 'zod';
import { idSchema, nonEmpty, timestamp } from './common.ts';

export const ticketFieldTypes = ['text', 'long_text', 'number', 'date', 'select', 'multi_select', 'checkbox'] as const;
export type TicketFieldType = (typeof ticketFieldTypes)[number];
export const choiceTypes: readonly TicketFieldType[] = ['select', 'multi_select'];
/** Select and multi select: the types that have options. */
export const isChoiceType = (type: TicketFieldType): boolean => choiceTypes.includes(type);

/** A field's or option's key: how the API names it in `custom_fields` and in filters. */
export const fieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower_snake_case: a letter, then letters, digits or _');

export const fieldLimits = { textMax: 500, longTextMax: 10_000, optionsMax: 200, fieldsMax: 100, numberMax: 1e15 } as const;

const labels = z.strictObject({
  en: nonEmpty(100),
  id: z.string().trim().max(100).nullable().optional().transform((v) => v || null),
});
const labelsOut = z.object({ en: z.string(), id: z.string().nullable() });

const option = z.object({ key: z.string(), labels: labelsOut, retired: z.boolean() }).meta({ id: 'TicketFieldOption' });
const optionInput = z.strictObject({
  key: fieldKey.optional().describe('Kept from an existing option; a new one without a key gets one from its English label'),
  labels,
  retired: z.boolean().default(false),
});

export const ticketField = z
  .object({
    id: z.number(),
    key: z.string(),
    type: z.enum(ticketFieldTypes),
    labels: labelsOut,
    options: z.array(option).describe('select and multi_select: every option ever offered; retired ones stay readable on old tickets'),
    required: z.boolean().describe('Asked on the forms that show it; old tickets without a value stay valid'),
    customer_visible: z.boolean().describe('Shown to the customer in the portal; internal otherwise'),
    on_agent_form: z.boolean().describe("Shown on the agents' create form (and asked of API creates outside the web channel)"),
    on_portal_form: z.boolean().describe('Shown on the portal and public request form (channel web)'),
    position: z.number(),
    retired: z.boolean().describe('No longer offered; values on old tickets stay'),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'TicketField' });
export type TicketField = z.infer<typeof ticketField>;

const optionsRules = (b: { type?: TicketFieldType; options?: z.infer<typeof optionInput>[] }, ctx: z.RefinementCtx, type: TicketFieldType | undefined) => {
  if (!type || !b.options) return;
  if (isChoiceType(type) && b.options.filter((o) => !o.retired).length === 0) {
    ctx.addIssue({ code: 'custom', path: ['options'], message: 'a select field needs at least one option' });
  }
  if (!isChoiceType(type) && b.options.length > 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'only select fields have options' });
  const keys = b.options.map((o) => o.key).filter(Boolean);
  if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'two options have the same key' });
  const names = b.options.map((o) => o.labels.en.toLowerCase());
  if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'two options have the same label' });
};

const common = {
  labels,
  required: z.boolean(),
  customer_visible: z.boolean(),
  on_agent_form: z.boolean(),
  on_portal_form: z.boolean(),
  position: z.number().int().min(0).max(10_000),
};

export const createTicketFieldBody = z
  .strictObject({
    key: fieldKey.optional().describe('Made from the English label when left out'),
    type: z.enum(ticketFieldTypes),
    options: z.array(optionInput).max(fieldLimits.optionsMax).default([]),
    ...common,
    required: common.required.default(false),
    customer_visible: common.customer_visible.default(false),
    on_agent_form: common.on_agent_form.default(true),
    on_portal_form: common.on_portal_form.default(false),
    position: common.position.optional(),
  })
  .superRefine((b, ctx) => optionsRules(b, ctx, b.type));
export type CreateTicketFieldBody = z.infer<typeof createTicketFieldBody>;

/** The key and type never change: stored values keep their meaning. Options left out are retired, not removed. */
export const patchTicketFieldBody = z
  .strictObject({
    labels: labels.optional(),
    options: z.array(optionInput).max(fieldLimits.optionsMax).optional(),
    required: common.required.optional(),
    customer_visible: common.customer_visible.optional(),
    on_agent_form: common.on_agent_form.optional(),
    on_portal_form: common.on_portal_form.optional(),
    position: common.position.optional(),
    retired: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type PatchTicketFieldBody = z.infer<typeof patchTicketFieldBody>;
export type OptionInput = z.infer<typeof optionInput>;

export const orderTicketFieldsBody = z.strictObject({
  ids: z.array(idSchema).max(fieldLimits.fieldsMax).describe('Every ticket field id of the workspace, in form order'),
});
export const ticketFieldParams = z.strictObject({ id: idSchema });
export const ticketFieldList = z.object({ items: z.array(ticketField), next_cursor: z.null() }).meta({ id: 'TicketFieldList' });

/** What the portal's request form and ticket page show of a field: no internal settings. */
export const publicTicketField = ticketField.pick({ key: true, type: true, labels: true, required: true }).extend({
  options: z.array(option),
}).meta({ id: 'PublicTicketField' });
export type PublicTicketField = z.infer<typeof publicTicketField>;
