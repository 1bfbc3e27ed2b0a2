import type { TFunction } from 'i18next';
import { z } from 'zod';
import { limits } from '../../../contract/limits.ts';
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
  channel: Channel;
  source: string;
  department: string;
  category: string;
  priority: Priority;
  subject: string;
  description: string;
  orderNumber: string;
  transactionRef: string;
}

/** Agents mostly log calls, so the channel starts at phone (the server's default for agents too). */
export const emptyCreateTicketForm: CreateTicketForm = {
  customerMode: 'existing',
  customerUser: null,
  customerName: '',
  customerEmail: '',
  customerPhone: '',
  channel: 'phone',
  source: '',
  department: '',
  category: '',
  priority: 'medium',
  subject: '',
  description: '',
  orderNumber: '',
  transactionRef: '',
};

/** The channels an agent can log, in the form's order; review is named as a kind of channel ("Reviews"). */
const channelChoices = ['web', 'email', 'phone', 'in_store', 'review', 'marketplace', 'api', 'chat'] as const satisfies readonly Channel[];

export const channelOptions = (t: CreateT): { value: Channel; label: string }[] =>
  channelChoices.map((value) => ({ value, label: t(value === 'review' ? 'common:channel.reviews' : `common:channel.${value}`) }));

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
  channel: 'channel',
  source: 'source',
  department: 'department',
  category: 'category',
  priority: 'priority',
  subject: 'subject',
  description: 'description',
  orderNumber: 'order_number',
  transactionRef: 'transaction_ref',
} as const satisfies Partial<Record<keyof CreateTicketForm, string>>;

/** The error key for the customer as a whole (none chosen, or both kinds given). */
export const customerPath = 'customer';

const placedPaths = new Set<string>([...Object.values(fieldPaths), customerPath]);

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

  if (form.customerMode === 'existing') {
    if (form.customerUser) body.customer_user_id = form.customerUser.id;
  } else {
    const email = optionalText(form.customerEmail);
    const phone = optionalText(form.customerPhone);
    body.customer = { name: form.customerName.trim(), ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
  }
  return body;
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
  if (form.customerMode === 'new' && !form.customerEmail.trim() && !form.customerPhone.trim()) {
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
    else out[path] = message.charAt(0).toUpperCase() + message.slice(1);
  }
  return out;
}

/** Splits errors into those shown at a field of this form and the rest, which the page states above it. */
export function splitErrors(errors: Record<string, string>): { placed: Record<string, string>; unplaced: string[] } {
  const placed: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    if (placedPaths.has(path)) placed[path] = message;
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

const textKeys = ['customerName', 'customerEmail', 'customerPhone', 'source', 'subject', 'description', 'orderNumber', 'transactionRef'] as const;

/** True when nothing worth keeping as a draft has been typed or picked; choices of a select alone are not. */
export function isBlankForm(form: CreateTicketForm): boolean {
  return !form.customerUser && !form.department && !form.category && textKeys.every((key) => !form[key].trim());
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
  channel: z.enum(channels).catch('phone'),
  source: text(50),
  department: text(20),
  category: text(20),
  priority: z.enum(priorities).catch('medium'),
  subject: text(limits.subjectMax),
  description: z.string().catch(''),
  orderNumber: text(limits.refMax),
  transactionRef: text(limits.refMax),
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
