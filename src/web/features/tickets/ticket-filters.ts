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
  assignee?: 'me';
  priority?: Priority;
  sort?: SortFilter;
}

/** The filters that also narrow the status counts: all but the status itself and the order. */
export type CountFilters = Omit<TicketFilters, 'status' | 'sort'>;

/** The status tiles in the order of DESIGN.md §3; `total` is the tile without a status filter. */
export const statusTiles = [
  { key: 'new', label: 'New' },
  { key: 'open', label: 'Open' },
  { key: 'pending', label: 'On hold' },
  { key: 'overdue', label: 'Overdue' },
  { key: 'resolved', label: 'Resolved' },
  { key: 'closed', label: 'Closed' },
  { key: 'auto_closed', label: 'Auto-closed' },
  { key: 'total', label: 'Total' },
] as const satisfies readonly { key: StatusFilter | 'total'; label: string }[];

/** The channel bar of DESIGN.md §3; marketplaces are a channel narrowed by their source. */
export const channelOptions: readonly { label: string; channel?: Channel; source?: string }[] = [
  { label: 'All' },
  { label: 'Website', channel: 'web' },
  { label: 'Email', channel: 'email' },
  { label: 'Phone', channel: 'phone' },
  { label: 'In store', channel: 'in_store' },
  { label: 'Reviews', channel: 'review' },
  { label: 'eBay', channel: 'marketplace', source: 'ebay' },
  { label: 'Amazon', channel: 'marketplace', source: 'amazon' },
  { label: 'B2B', channel: 'marketplace', source: 'b2b' },
  { label: 'API', channel: 'api' },
  { label: 'Chat', channel: 'chat' },
];

const statusKeys = new Set<string>(statusTiles.map((t) => t.key).filter((k) => k !== 'total'));
const channelSet = new Set<string>(channels);
const prioritySet = new Set<string>(priorities);
const sortPattern = new RegExp(`^-?(${sortKeys.join('|')})$`);
// The contract's source rule: lower-case letters, digits, - and _, at most 50.
const sourcePattern = /^[a-z0-9_-]{1,50}$/;
const filterKeys = ['status', 'channel', 'source', 'assignee', 'priority', 'sort'] as const satisfies readonly (keyof TicketFilters)[];

/** Reads the filters from the URL, ignoring values the API would refuse. */
export function readTicketFilters(params: URLSearchParams): TicketFilters {
  const filters: TicketFilters = {};
  const status = params.get('status');
  if (status && statusKeys.has(status)) filters.status = status as StatusFilter;
  const channel = params.get('channel');
  if (channel && channelSet.has(channel)) filters.channel = channel as Channel;
  const source = params.get('source');
  if (source && sourcePattern.test(source)) filters.source = source;
  if (params.get('assignee') === 'me') filters.assignee = 'me';
  const priority = params.get('priority');
  if (priority && prioritySet.has(priority)) filters.priority = priority as Priority;
  const sort = params.get('sort');
  if (sort && sortPattern.test(sort)) filters.sort = sort as SortFilter;
  return filters;
}

/** The query string for exactly these filters, keeping any other parameters already in the URL. */
export function writeTicketFilters(params: URLSearchParams, filters: TicketFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of filterKeys) {
    const value = filters[key];
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** A `?query` for a link, or nothing when no parameter is left. */
export const toSearch = (params: URLSearchParams): string => {
  const qs = params.toString();
  return qs ? `?${qs}` : '';
};

export const countFiltersOf = ({ status: _status, sort: _sort, ...rest }: TicketFilters): CountFilters => rest;

export const statusFilterLabel = (status: StatusFilter): string => statusTiles.find((t) => t.key === status)?.label ?? status;

const isChannelOption = (o: (typeof channelOptions)[number], f: Pick<TicketFilters, 'channel' | 'source'>) => o.channel === f.channel && o.source === f.source;

/** The channel bar entry for these filters, or undefined when the URL names a channel the bar does not offer. */
export const activeChannelOption = (f: Pick<TicketFilters, 'channel' | 'source'>) => channelOptions.find((o) => isChannelOption(o, f));

/** The channel filter in words: the bar's name for it, else the channel with its source. */
export function channelFilterLabel(f: Pick<TicketFilters, 'channel' | 'source'>): string | undefined {
  if (!f.channel && !f.source) return undefined;
  const option = activeChannelOption(f);
  if (option) return option.label;
  const channel = f.channel ? (channelOptions.find((o) => o.channel === f.channel && !o.source)?.label ?? 'Marketplace') : undefined;
  return [channel, f.source].filter(Boolean).join(' · ');
}

export interface FilterChip {
  label: string;
  /** The filters once this one is removed. */
  without: TicketFilters;
}

/** The active filters as removable chips, in the order they read on the page. */
export function filterChips(f: TicketFilters): FilterChip[] {
  const chips: FilterChip[] = [];
  if (f.status) chips.push({ label: statusFilterLabel(f.status), without: { ...f, status: undefined } });
  const channel = channelFilterLabel(f);
  if (channel) chips.push({ label: channel, without: { ...f, channel: undefined, source: undefined } });
  if (f.assignee) chips.push({ label: 'Assigned to me', without: { ...f, assignee: undefined } });
  if (f.priority) chips.push({ label: `${f.priority.charAt(0).toUpperCase()}${f.priority.slice(1)} priority`, without: { ...f, priority: undefined } });
  return chips;
}
