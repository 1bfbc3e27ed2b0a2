import type { TFunction } from 'i18next';
import { z } from 'zod';
import { limits } from '../../../contract/limits.ts';
import { fieldKeyOfIssue, type FieldInputs } from '../../../contract/ticket-field-display.ts';
import { channels, type createTicketBody, priorities } from '../../../contract/tickets.ts';

export type Channel = (typeof channels)[number];
export type Priority = (typeof priorities)[number];
export type CreateTicketInput = z.input<typeof createTicketBody>;
/** Words of this form and the shared ones (`common:`), in the language being shown. */
export type CreateT = TFunction<['create', 'common']>;

/** A customer user chosen from the search, kept whole so a restored draft still shows who it was. */
export interface PickedCustomerUser {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
}

/** What the agent has typed and chosen; ids of departments and categories as the select's text. */
export interface CreateTicketForm {
  customerMode: 'existing' | 'new';
  customerUser: PickedCustomerUser | null;
  customerName: string;
  customerEmail: string;
  customerPhone: string;
  /** The loyalty programme's id: finds (or is recorded on) the customer user. */
  customerLoyaltyId: string;
  channel: Channel;
  source: string;
  department: string;
  category: string;
  priority: Priority;
  subject: string;
  description: string;
  orderNumber: string;
  /** The order's items as typed: one row each, quantity as text until sent. */
  orderItems: OrderItemRow[];
  transactionRef: string;
  purchaseStore: string;
  purchaseAmount: string;
  purchaseCurrency: string;
  /** A datetime-local value, read in the agent's own time zone. */
  purchasedAt: string;
  /** The typed ticket fields (Admin › Ticket fields) by key, as their inputs hold them. */
  customFields: FieldInputs;
}

export interface OrderItemRow {
  name: string;
  sku: string;
  quantity: string;
}

export const emptyOrderItem: OrderItemRow = { name: '', sku: '', quantity: '1' };

/** Agents mostly log calls, so the channel starts at phone (the server's default for agents too). */
export const emptyCreateTicketForm: CreateTicketForm = {
  customerMode: 'existing',
  customerUser: null,
  customerName: '',
  customerEmail: '',
  customerPhone: '',
  customerLoyaltyId: '',
  channel: 'phone',
  source: '',
  department: '',
  category: '',
  priority: 'medium',
  subject: '',
  description: '',
  orderNumber: '',
  orderItems: [],
  transactionRef: '',
  purchaseStore: '',
  purchaseAmount: '',
  purchaseCurrency: '',
  purchasedAt: '',
  customFields: {},
};

/** The channels an agent can log, in the form's order; review is named as a kind of channel ("Reviews"). */
const channelChoices = ['web', 'email', 'phone', 'in_store', 'review', 'marketplace', 'api', 'chat'] as const satisfies readonly Channel[];

export const channelOptions = (t: CreateT, enabled: readonly Channel[] = channelChoices): { value: Channel; label: string }[] =>
  channelChoices.filter((value) => enabled.includes(value)).map((value) => ({ value, label: t(value === 'review' ? 'common:channel.reviews' : `common:channel.${value}`) }));

export const priorityOptions = (t: CreateT): { value: Priority; label: string }[] => priorities.map((value) => ({ value, label: t(`common:priority.${value}`) }));

/** Suggestions only: integrations bring their own source names, so any slug is accepted. */
export const sourceSuggestions: Partial<Record<Channel, readonly string[]>> = {
  marketplace: ['website', 'ebay', 'amazon', 'b2b'],
  review: ['google', 'facebook', 'tripadvisor'],
};

/** Only marketplace and review tickets say which site they came through. */
export const hasSource = (channel: Channel): boolean => channel === 'marketplace' || channel === 'review';

/** Where each input sits in the request body, which is how both the client and the server name its errors. */
export const fieldPaths = {
  customerUser: 'customer_user_id',
  customerName: 'customer.name',
  customerEmail: 'customer.email',
  customerPhone: 'customer.phone',
  customerLoyaltyId: 'customer.loyalty_id',
  channel: 'channel',
  source: 'source',
  department: 'department',
  category: 'category',
  priority: 'priority',
  subject: 'subject',
  description: 'description',
  orderNumber: 'order_number',
  transactionRef: 'transaction_ref',
  purchaseStore: 'purchase.store',
  purchaseAmount: 'purchase.amount',
  purchaseCurrency: 'purchase.currency',
  purchasedAt: 'purchase.purchased_at',
} as const satisfies Partial<Record<keyof CreateTicketForm, string>>;

/** The error key for the customer as a whole (none chosen, or both kinds given). */
export const customerPath = 'customer';

/** Where an order item's input sits in the request body. */
export const itemPath = (index: number, field: keyof OrderItemRow): string => `order_items.${index}.${field}`;

const placedPaths = new Set<string>([...Object.values(fieldPaths), customerPath]);
const isPlaced = (path: string, fieldKeys: readonly string[]) =>
  placedPaths.has(path) || /^order_items\.\d+\.(name|sku|quantity)$/.test(path) || fieldKeys.includes(fieldKeyOfIssue(path) ?? '');

const optionalText = (value: string): string | undefined => value.trim() || undefined;
const optionalId = (value: string): number | undefined => (/^[1-9]\d*$/.test(value) ? Number(value) : undefined);

/** The request body of POST /tickets: trimmed, with empty optional fields left out. */
export function toCreateTicketBody(form: CreateTicketForm): CreateTicketInput {
  const body: CreateTicketInput = {
    subject: form.subject.trim(),
    description: form.description.trim(),
    priority: form.priority,
    channel: form.channel,
  };
  const source = hasSource(form.channel) ? optionalText(form.source) : undefined;
  if (source) body.source = source;
  const department = optionalId(form.department);
  if (department) body.department = department;
  const category = optionalId(form.category);
  if (category) body.category = category;
  const orderNumber = optionalText(form.orderNumber);
  if (orderNumber) body.order_number = orderNumber;
  const transactionRef = optionalText(form.transactionRef);
  if (transactionRef) body.transaction_ref = transactionRef;
  const items = form.orderItems.filter((i) => i.name.trim() || i.sku.trim());
  if (items.length) {
    body.order_items = items.map((i) => ({
      name: i.name.trim(),
      ...(i.sku.trim() ? { sku: i.sku.trim() } : {}),
      quantity: /^\d+$/.test(i.quantity.trim()) ? Number(i.quantity) : (i.quantity.trim() as unknown as number),
    }));
  }
  const purchase = purchaseOf(form);
  if (purchase) body.purchase = purchase;

  if (form.customerMode === 'existing') {
    if (form.customerUser) body.customer_user_id = form.customerUser.id;
  } else {
    const email = optionalText(form.customerEmail);
    const phone = optionalText(form.customerPhone);
    const loyaltyId = optionalText(form.customerLoyaltyId);
    body.customer = { name: form.customerName.trim(), ...(email ? { email } : {}), ...(phone ? { phone } : {}), ...(loyaltyId ? { loyalty_id: loyaltyId } : {}) };
  }
  return body;
}

/** The purchase as the API takes it, or nothing when no part of it was typed. */
function purchaseOf(form: CreateTicketForm): CreateTicketInput['purchase'] {
  const store = optionalText(form.purchaseStore);
  const amount = optionalText(form.purchaseAmount.replace(',', '.'));
  const currency = optionalText(form.purchaseCurrency.toUpperCase());
  const at = optionalText(form.purchasedAt);
  if (!store && !amount && !currency && !at) return undefined;
  const when = at ? new Date(at) : null;
  return {
    ...(store ? { store } : {}),
    // Text the schema refuses stays text, so the error lands at the field that holds it.
    ...(amount ? { amount: Number.isFinite(Number(amount)) ? Number(amount) : (amount as unknown as number) } : {}),
    ...(currency ? { currency } : {}),
    ...(when ? { purchased_at: Number.isNaN(when.getTime()) ? at! : when.toISOString() } : {}),
  };
}

/**
 * The rules of this form on top of the server's schema: an agent logging a call must say who
 * called (the server accepts a ticket without a customer, which nobody could then be told about),
 * and the description's limit is in bytes, which no `maxLength` can express.
 */
export function checkCreateTicketForm(form: CreateTicketForm, t: CreateT): Record<string, string> {
  const errors: Record<string, string> = {};
  if (form.customerMode === 'existing' && !form.customerUser) errors[customerPath] = t('check.customer');
  // The schema says so too, but only once the name is valid; the agent should hear it at once.
  if (form.customerMode === 'new' && !form.customerEmail.trim() && !form.customerPhone.trim() && !form.customerLoyaltyId.trim()) {
    errors[fieldPaths.customerEmail] = t('check.emailOrPhone');
  }
  if (new TextEncoder().encode(form.description).length > limits.descriptionMaxBytes) {
    errors[fieldPaths.description] = t('check.descriptionTooLong', { kb: Math.floor(limits.descriptionMaxBytes / 1024) });
  }
  return errors;
}

/** Messages as people write them: the contract's rules and the server's details start in lower case. */
export function polishErrors(errors: Record<string, string>, t: CreateT): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === fieldPaths.category && message === 'retired') out[path] = t('check.categoryRetired');
    else if (fieldKeyOfIssue(path) && message === 'this field is required') out[path] = t('common:validation.required');
    else out[path] = message.charAt(0).toUpperCase() + message.slice(1);
  }
  return out;
}

/** Splits errors into those shown at a field of this form (`fieldKeys`: the ticket fields it shows) and the rest, which the page states above it. */
export function splitErrors(errors: Record<string, string>, fieldKeys: readonly string[] = []): { placed: Record<string, string>; unplaced: string[] } {
  const placed: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    if (isPlaced(path, fieldKeys)) placed[path] = message;
    else unplaced.push(path ? `${path}: ${message}` : message);
  }
  return { placed, unplaced };
}

/**
 * A search the agent typed that found nobody, turned into the new customer's details:
 * an email, a phone number, or else a name.
 */
export function newCustomerFromSearch(term: string): Pick<CreateTicketForm, 'customerName' | 'customerEmail' | 'customerPhone'> {
  const text = term.replace(/\*/g, '').trim();
  if (text.includes('@')) return { customerName: '', customerEmail: text, customerPhone: '' };
  if (/^\+?[0-9 ()./-]{4,}$/.test(text)) return { customerName: '', customerEmail: '', customerPhone: text };
  return { customerName: text, customerEmail: '', customerPhone: '' };
}

const textKeys = ['customerName', 'customerEmail', 'customerPhone', 'customerLoyaltyId', 'source', 'subject', 'description', 'orderNumber', 'transactionRef', 'purchaseStore', 'purchaseAmount', 'purchaseCurrency', 'purchasedAt'] as const;

/** True when nothing worth keeping as a draft has been typed or picked; choices of a select alone are not. */
export function isBlankForm(form: CreateTicketForm): boolean {
  const typed = Object.values(form.customFields).some((v) => typeof v === 'string' && v.trim());
  return !form.customerUser && !form.department && !form.category && !typed && form.orderItems.every((i) => !i.name.trim() && !i.sku.trim()) && textKeys.every((key) => !form[key].trim());
}

/**
 * The draft's storage key. Per workspace and agent, because the tab may next be signed in by
 * someone else, who must not be handed another agent's half-typed complaint.
 */
export const draftKey = (workspaceId: number, agentId: number): string => `caredesk.create-ticket-draft.${workspaceId}.${agentId}`;

const text = (max: number) => z.string().max(max).catch('');
const draftSchema = z.object({
  customerMode: z.enum(['existing', 'new']).catch('existing'),
  customerUser: z
    .object({ id: z.number().int().positive(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable() })
    .nullable()
    .catch(null),
  customerName: text(limits.nameMax),
  customerEmail: text(limits.emailMax),
  customerPhone: text(limits.phoneMax),
  customerLoyaltyId: text(limits.refMax),
  channel: z.enum(channels).catch('phone'),
  source: text(50),
  department: text(20),
  category: text(20),
  priority: z.enum(priorities).catch('medium'),
  subject: text(limits.subjectMax),
  description: z.string().catch(''),
  orderNumber: text(limits.refMax),
  orderItems: z
    .array(z.object({ name: text(limits.nameMax), sku: text(limits.refMax), quantity: text(10) }))
    .max(limits.orderItemsMax)
    .catch([]),
  transactionRef: text(limits.refMax),
  purchaseStore: text(limits.nameMax),
  purchaseAmount: text(20),
  purchaseCurrency: text(3),
  purchasedAt: text(30),
  customFields: z
    .record(z.string().max(63), z.union([z.string().max(10_000), z.boolean(), z.array(z.string().max(100)).max(200)]))
    .catch({}),
});

/** The form saved by an earlier visit, or null when there is none or it cannot be read. */
export function readDraft(raw: string | null): CreateTicketForm | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = draftSchema.safeParse(value);
  if (!parsed.success) return null;
  return isBlankForm(parsed.data) ? null : parsed.data;
}
