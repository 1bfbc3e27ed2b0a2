import { z } from 'zod';
import { channels, listTicketsQuery, priorities, sortKeys } from '../../../contract/tickets.ts';
import { ApiError } from '../../lib/api-client.ts';
import { defaultSort, nextSort } from '../tickets/dashboard-sort.ts';
import type { Channel, Priority, SortFilter, SortKey, StatusFilter } from '../tickets/ticket-filters.ts';

/** The search form as the agent fills it in: text as typed, lists in the form's order. */
export interface SearchForm {
  q: string;
  number: string;
  /** A mobile number in any formatting or an email address: the API's `phone` or `email`. */
  contact: string;
  order_number: string;
  transaction_ref: string;
  status: StatusFilter[];
  priority: Priority[];
  /** A department id, '' for any. */
  department: string;
  category: string;
  channel: Channel | '';
  /** The marketplace or review site within the channel, e.g. ebay. */
  source: string;
  /** YYYY-MM-DD, a day in the workspace's time zone. */
  created_from: string;
  created_to: string;
  /** The tickets of one customer or customer user (from the Customer Information Center): ids, '' for any. */
  customer_id: string;
  customer_user_id: string;
}

export type SearchField = Exclude<keyof SearchForm, 'source'>;

export const emptySearchForm: SearchForm = {
  q: '',
  number: '',
  contact: '',
  order_number: '',
  transaction_ref: '',
  status: [],
  priority: [],
  department: '',
  category: '',
  channel: '',
  source: '',
  created_from: '',
  created_to: '',
  customer_id: '',
  customer_user_id: '',
};

/** The statuses offered, in the dashboard tiles' order. */
export const searchStatuses = ['new', 'open', 'pending', 'overdue', 'resolved', 'closed', 'auto_closed'] as const satisfies readonly StatusFilter[];

/** The channel choices: the channels, with the marketplaces of the dashboard's channel bar under theirs. */
export interface SearchChannel {
  channel: Channel;
  source?: string;
  /** A marketplace's own name, which is not translated. */
  name?: string;
}
const marketplaces: SearchChannel[] = [
  { channel: 'marketplace', source: 'ebay', name: 'eBay' },
  { channel: 'marketplace', source: 'amazon', name: 'Amazon' },
  { channel: 'marketplace', source: 'b2b', name: 'B2B' },
];
export const searchChannels: readonly SearchChannel[] = channels.flatMap((channel): SearchChannel[] => (channel === 'marketplace' ? [{ channel }, ...marketplaces] : [{ channel }]));

/** The select's value for a channel and source, and back. */
export const channelValue = (f: Pick<SearchForm, 'channel' | 'source'>): string => (f.source ? `${f.channel}:${f.source}` : f.channel);
export function parseChannelValue(value: string): Pick<SearchForm, 'channel' | 'source'> {
  const [channel = '', source = ''] = value.split(':');
  return { channel: isChannel(channel) ? channel : '', source };
}

const isChannel = (v: string): v is Channel => (channels as readonly string[]).includes(v);
const sortPattern = new RegExp(`^-?(${sortKeys.join('|')})$`);
const textKeys = ['q', 'number', 'order_number', 'transaction_ref', 'department', 'category', 'source', 'created_from', 'created_to', 'customer_id', 'customer_user_id'] as const;

/** A list parameter, keeping known values once each, in the order of `known`. */
function readList<T extends string>(value: string | null, known: readonly T[]): T[] {
  const given = new Set((value ?? '').split(',').map((v) => v.trim()));
  return known.filter((k) => given.has(k));
}

/** The form for the criteria in the URL; values the form cannot show are dropped. */
export function readSearchParams(params: URLSearchParams): SearchForm {
  const form: SearchForm = { ...emptySearchForm };
  for (const key of textKeys) form[key] = (params.get(key) ?? '').trim();
  // Ids only: anything else in the URL is dropped rather than sent.
  for (const key of ['customer_id', 'customer_user_id'] as const) if (!/^[1-9]\d{0,15}$/.test(form[key])) form[key] = '';
  form.contact = (params.get('email') ?? params.get('phone') ?? '').trim();
  form.status = readList(params.get('status'), searchStatuses);
  form.priority = readList(params.get('priority'), priorities);
  const channel = params.get('channel') ?? '';
  form.channel = isChannel(channel) ? channel : '';
  return form;
}

export function readSort(params: URLSearchParams): SortFilter | undefined {
  const sort = params.get('sort');
  return sort && sortPattern.test(sort) ? (sort as SortFilter) : undefined;
}

/** The form as GET /api/v1/tickets parameters: trimmed, empty ones left out, lists as comma lists. */
export function toSearchQuery(form: SearchForm): Record<string, string> {
  const query: Record<string, string> = {};
  const put = (key: string, value: string) => {
    if (value.trim()) query[key] = value.trim();
  };
  put('q', form.q);
  put('number', form.number);
  const contact = form.contact.trim();
  put(contact.includes('@') ? 'email' : 'phone', contact);
  put('order_number', form.order_number);
  put('transaction_ref', form.transaction_ref);
  put('status', readList(form.status.join(','), searchStatuses).join(','));
  put('priority', readList(form.priority.join(','), priorities).join(','));
  put('department', form.department);
  put('category', form.category);
  put('channel', form.channel);
  put('source', form.source);
  put('created_from', form.created_from);
  put('created_to', form.created_to);
  put('customer_id', form.customer_id);
  put('customer_user_id', form.customer_user_id);
  return query;
}

/** The URL's query string for a search: its criteria, then the table's order. */
export function writeSearchParams(form: SearchForm, sort?: SortFilter): URLSearchParams {
  const params = new URLSearchParams(toSearchQuery(form));
  if (sort) params.set('sort', sort);
  return params;
}

/**
 * The order after a click on a column header. Words without an order are ranked by relevance,
 * which no column shows: the first click gives the column's natural direction, and the newest-first
 * order has to be named in the URL, since leaving it out means relevance.
 */
export function nextSearchSort(current: SortFilter | undefined, key: SortKey, isRanked: boolean): SortFilter | undefined {
  if (!isRanked) return nextSort(current, key);
  // nextSort gives a column its natural direction when another column is the current one.
  const from = current ?? (key === 'number' ? 'due' : 'number');
  return nextSort(from, key) ?? defaultSort;
}

/** The form as the URL gives it back: what is written and read again is exactly this. */
export const normalizeSearchForm = (form: SearchForm): SearchForm => readSearchParams(writeSearchParams(form));

/** Whether any criterion is given: an empty search shows a hint instead of every ticket. */
export const isEmptySearch = (form: SearchForm): boolean => Object.keys(toSearchQuery(form)).length === 0;

/** Why a field's value is refused; the page words it in the agent's language. */
export type SearchIssue =
  | { kind: 'min'; count: number }
  | { kind: 'max'; count: number }
  | { kind: 'date' }
  | { kind: 'range' }
  | { kind: 'contact' }
  | { kind: 'invalid' }
  | { kind: 'server'; message: string };

export type SearchErrors = Partial<Record<SearchField, SearchIssue>>;

/** The form field an API parameter comes from. */
export function fieldOfParam(param: string): SearchField | undefined {
  if (param === 'phone' || param === 'email') return 'contact';
  if (param === 'source') return 'channel';
  return (Object.keys(emptySearchForm) as (keyof SearchForm)[]).find((k): k is SearchField => k === param && k !== 'source');
}

function issueOf(field: SearchField, issue: z.core.$ZodIssue): SearchIssue {
  if (field === 'created_from' || field === 'created_to') return { kind: 'date' };
  if (issue.code === 'too_small' && issue.origin === 'string') return { kind: 'min', count: Number(issue.minimum) };
  if (issue.code === 'too_big' && issue.origin === 'string') return { kind: 'max', count: Number(issue.maximum) };
  return { kind: 'invalid' };
}

const day = z.iso.date();

/**
 * The server's rules for the list (the contract's listTicketsQuery) and those of the form itself:
 * dates are whole days, the range runs forwards, and a contact without an @ is a phone number.
 */
export function checkSearchForm(form: SearchForm): SearchErrors {
  const query = toSearchQuery(form);
  const errors: SearchErrors = {};
  const parsed = listTicketsQuery.safeParse(query);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = fieldOfParam(String(issue.path[0] ?? ''));
    if (field) errors[field] ??= issueOf(field, issue);
  }
  for (const key of ['created_from', 'created_to'] as const) {
    if (query[key] && !day.safeParse(query[key]).success) errors[key] = { kind: 'date' };
  }
  if (!errors.created_from && !errors.created_to && query.created_from && query.created_to && query.created_from > query.created_to) {
    errors.created_to = { kind: 'range' };
  }
  if (query.phone && !errors.contact && !/\d/.test(query.phone)) errors.contact = { kind: 'contact' };
  return errors;
}

/** A 400's per-parameter messages (`querystring.phone`) placed at the form's fields. */
export function serverSearchErrors(error: unknown): SearchErrors {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details)) return {};
  const errors: SearchErrors = {};
  for (const detail of error.details as unknown[]) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { field, message } = detail as { field?: unknown; message?: unknown };
    if (typeof field !== 'string' || typeof message !== 'string') continue;
    const target = fieldOfParam(field.replace(/^querystring\./, '').split('.')[0]);
    if (target) errors[target] ??= { kind: 'server', message };
  }
  return errors;
}

