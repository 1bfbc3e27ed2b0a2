import type { TFunction } from 'i18next';
import { channels, priorities, sortKeys, type statusFilters, type Ticket } from '../../../contract/tickets.ts';

export type StatusFilter = (typeof statusFilters)[number];
export type Channel = Ticket['channel'];
export type Priority = Ticket['priority'];
export type SortKey = (typeof sortKeys)[number];
/** The API's `sort`: a key, `-` in front for descending. */
export type SortFilter = SortKey | `-${SortKey}`;

/** The list filters the dashboard keeps in the URL query string, so a view can be bookmarked and shared. */
export interface TicketFilters {
  status?: StatusFilter;
  channel?: Channel;
  /** The marketplace or review site, e.g. ebay; the API's `source`. */
  source?: string;
  /** `me`, or an agent's id (the Agents page links to an agent's tickets). */
  assignee?: 'me' | number;
  priority?: Priority;
  /** The "To verify" list: tickets waiting for verification (the API's `verification=unverified`). */
  verification?: 'unverified';
  /** Ticket field filters, `key:value` each (the API's repeatable `field`); all must match. */
  field?: string[];
  sort?: SortFilter;
}

/** The filters that also narrow the status counts: all but the status itself and the order. */
export type CountFilters = Omit<TicketFilters, 'status' | 'sort'>;

/** Words of the dashboard and the shared ones (`common:`), in the language being shown. */
export type DashboardT = TFunction<['dashboard', 'common']>;

/** The status tiles in the order of DESIGN.md §3; `total` is the tile without a status filter. */
export const statusTiles = ['new', 'open', 'pending', 'overdue', 'resolved', 'closed', 'auto_closed', 'total'] as const satisfies readonly (StatusFilter | 'total')[];

export type StatusTile = (typeof statusTiles)[number];

/**
 * The channel bar of DESIGN.md §3; marketplaces are a channel narrowed by their source, named by
 * their brand (`name`, the same in every language), the others by the channel's word (`key`).
 */
export function channelOptionsWith(marketplaceSources: readonly { key: string; label: string }[]): readonly ChannelOption[] {
  return [
    { key: 'dashboard:filters.all' },
    { key: 'common:channel.web', channel: 'web' },
    { key: 'common:channel.email', channel: 'email' },
    { key: 'common:channel.phone', channel: 'phone' },
    { key: 'common:channel.in_store', channel: 'in_store' },
    { key: 'common:channel.reviews', channel: 'review' },
    ...marketplaceSources.map((s): ChannelOption => ({ name: s.label, channel: 'marketplace', source: s.key })),
    { key: 'common:channel.api', channel: 'api' },
    { key: 'common:channel.chat', channel: 'chat' },
  ];
}

/** The bar before the workspace's marketplace sources have loaded (admins extend the list; GET /channels/sources). */
export const defaultMarketplaceSources = [
  { key: 'ebay', label: 'eBay' },
  { key: 'amazon', label: 'Amazon' },
  { key: 'b2b', label: 'B2B' },
] as const;

export const channelOptions = channelOptionsWith(defaultMarketplaceSources);

export type ChannelOption = ({ key: 'dashboard:filters.all' | `common:channel.${Channel | 'reviews'}`; name?: never } | { name: string; key?: never }) & { channel?: Channel; source?: string };

export const channelOptionLabel = (option: ChannelOption, t: DashboardT): string => (option.key ? t(option.key) : option.name);

const statusKeys = new Set<string>(statusTiles.filter((k) => k !== 'total'));
const channelSet = new Set<string>(channels);
const prioritySet = new Set<string>(priorities);
const sortPattern = new RegExp(`^-?(${sortKeys.join('|')})$`);
// The contract's source rule: lower-case letters, digits, - and _, at most 50.
const sourcePattern = /^[a-z0-9_-]{1,50}$/;
const filterKeys = ['status', 'channel', 'source', 'assignee', 'priority', 'verification', 'sort'] as const satisfies readonly (keyof TicketFilters)[];
// The contract's field filter: a field key, a colon, a value of 1 to 200 characters; at most 20 of them.
const fieldFilterPattern = /^[a-z][a-z0-9_]{0,62}:.{1,200}$/s;
const fieldFiltersMax = 20;

/** Reads the filters from the URL, ignoring values the API would refuse. */
export function readTicketFilters(params: URLSearchParams): TicketFilters {
  const filters: TicketFilters = {};
  const status = params.get('status');
  if (status && statusKeys.has(status)) filters.status = status as StatusFilter;
  const channel = params.get('channel');
  if (channel && channelSet.has(channel)) filters.channel = channel as Channel;
  const source = params.get('source');
  if (source && sourcePattern.test(source)) filters.source = source;
  const assignee = params.get('assignee');
  if (assignee === 'me') filters.assignee = 'me';
  else if (assignee && /^[1-9]\d{0,15}$/.test(assignee)) filters.assignee = Number(assignee);
  const priority = params.get('priority');
  if (priority && prioritySet.has(priority)) filters.priority = priority as Priority;
  if (params.get('verification') === 'unverified') filters.verification = 'unverified';
  const fields = [...new Set(params.getAll('field').filter((f) => fieldFilterPattern.test(f)))].slice(0, fieldFiltersMax);
  if (fields.length) filters.field = fields;
  const sort = params.get('sort');
  if (sort && sortPattern.test(sort)) filters.sort = sort as SortFilter;
  return filters;
}

/** The query string for exactly these filters, keeping any other parameters already in the URL. */
export function writeTicketFilters(params: URLSearchParams, filters: TicketFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of filterKeys) {
    const value = filters[key];
    if (value) next.set(key, String(value));
    else next.delete(key);
  }
  next.delete('field');
  for (const field of filters.field ?? []) next.append('field', field);
  return next;
}

/**
 * `<path>?<query>` for a list or count request: empty parameters left out, each field filter its
 * own `field=` (the API client's query takes one value per name).
 */
export function ticketListPath(path: string, query: Record<string, string | number | string[] | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined && one !== null && one !== '') params.append(key, String(one));
  }
  return `${path}${toSearch(params)}`;
}

/** A `?query` for a link, or nothing when no parameter is left. */
export const toSearch = (params: URLSearchParams): string => {
  const qs = params.toString();
  return qs ? `?${qs}` : '';
};

export const countFiltersOf = ({ status: _status, sort: _sort, ...rest }: TicketFilters): CountFilters => rest;

export const statusFilterLabel = (status: StatusFilter, t: DashboardT): string => t(`common:status.${status}`);

const isChannelOption = (o: ChannelOption, f: Pick<TicketFilters, 'channel' | 'source'>) => o.channel === f.channel && o.source === f.source;

/** The channel bar entry for these filters, or undefined when the URL names a channel the bar does not offer. */
export const activeChannelOption = (f: Pick<TicketFilters, 'channel' | 'source'>, options: readonly ChannelOption[] = channelOptions) => options.find((o) => isChannelOption(o, f));

/** The channel filter in words: the bar's name for it, else the channel with its source. */
export function channelFilterLabel(f: Pick<TicketFilters, 'channel' | 'source'>, t: DashboardT, options: readonly ChannelOption[] = channelOptions): string | undefined {
  if (!f.channel && !f.source) return undefined;
  const option = activeChannelOption(f, options);
  if (option) return channelOptionLabel(option, t);
  const plain = f.channel ? channelOptions.find((o) => o.channel === f.channel && !o.source) : undefined;
  const channel = f.channel ? (plain ? channelOptionLabel(plain, t) : t(`common:channel.${f.channel}`)) : undefined;
  return [channel, f.source].filter(Boolean).join(' · ');
}

export interface FilterChip {
  label: string;
  /** The filters once this one is removed. */
  without: TicketFilters;
}

/**
 * The active filters as removable chips, in the order they read on the page; a field filter reads
 * as `describeField` words it ("Product line: Kitchen"), else as it stands in the URL.
 */
export function filterChips(
  f: TicketFilters,
  t: DashboardT,
  options: readonly ChannelOption[] = channelOptions,
  describeField?: (filter: string) => string,
  agentName?: (id: number) => string | undefined,
): FilterChip[] {
  const chips: FilterChip[] = [];
  if (f.status) chips.push({ label: statusFilterLabel(f.status, t), without: { ...f, status: undefined } });
  const channel = channelFilterLabel(f, t, options);
  if (channel) chips.push({ label: channel, without: { ...f, channel: undefined, source: undefined } });
  if (f.assignee === 'me') chips.push({ label: t('filters.assignedToMe'), without: { ...f, assignee: undefined } });
  else if (f.assignee) chips.push({ label: t('filters.assignedTo', { name: agentName?.(f.assignee) ?? `#${f.assignee}` }), without: { ...f, assignee: undefined } });
  if (f.priority) chips.push({ label: t('filters.priorityChip', { priority: t(`common:priority.${f.priority}`) }), without: { ...f, priority: undefined } });
  if (f.verification) chips.push({ label: t('toVerify.label'), without: { ...f, verification: undefined } });
  for (const field of f.field ?? []) {
    const rest = (f.field ?? []).filter((other) => other !== field);
    chips.push({ label: describeField?.(field) ?? field, without: { ...f, field: rest.length ? rest : undefined } });
  }
  return chips;
}
