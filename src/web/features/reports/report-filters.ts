import { z } from 'zod';
import { type Channel, channels } from '../../../contract/channels.ts';
import { actorKinds, type overviewTables, reportIntervals, reportPresets } from '../../../contract/reports.ts';
import { priorities } from '../../../contract/tickets.ts';
import { ApiError, apiUrl } from '../../lib/api-client.ts';

export type ReportPreset = (typeof reportPresets)[number];
export type ReportInterval = (typeof reportIntervals)[number];
export type ActorKind = (typeof actorKinds)[number];
export type OverviewTable = (typeof overviewTables)[number];
export type Priority = (typeof priorities)[number];

/** The range and the ticket filters every report takes, as the URL keeps them (so a report can be shared). */
export interface ReportFilters {
  preset: ReportPreset;
  /** The days of a custom range (YYYY-MM-DD, both inclusive, in the workspace's time zone); empty for a preset. */
  from: string;
  to: string;
  /** The chart's buckets; '' lets the server choose by the range's length. */
  interval: ReportInterval | '';
  /** Ids, as the URL writes them. */
  department: string[];
  category: string[];
  /** Tickets assigned to these agents now. */
  agent: string[];
  channel: Channel[];
  /** Marketplace and review sources (ebay, google, …). */
  source: string[];
  priority: Priority[];
}

/** What the activity report narrows further: who acted and which events. */
export interface ActivityFilters {
  actor: ActorKind[];
  actor_agent: string[];
  type: string[];
}

export const defaultPreset: ReportPreset = 'last_30_days';

export const emptyReportFilters: ReportFilters = {
  preset: defaultPreset,
  from: '',
  to: '',
  interval: '',
  department: [],
  category: [],
  agent: [],
  channel: [],
  source: [],
  priority: [],
};

export const emptyActivityFilters: ActivityFilters = { actor: [], actor_agent: [], type: [] };

/** The ticket filters, in the order the page shows them and the URL writes them. */
export const ticketFilterKeys = ['department', 'channel', 'source', 'category', 'agent', 'priority'] as const satisfies readonly (keyof ReportFilters)[];
export type TicketFilterKey = (typeof ticketFilterKeys)[number];
export const activityFilterKeys = ['actor', 'actor_agent', 'type'] as const satisfies readonly (keyof ActivityFilters)[];

/** The event types the activity filter offers, in the order of a ticket's life. */
export const activityEventTypes = [
  'created',
  'verified',
  'rejected',
  'assigned',
  'unassigned',
  'opened',
  'replied',
  'note_added',
  'updated',
  'held',
  'resumed',
  'reminded',
  'sla_warning',
  'escalated',
  'resolved',
  'reopened',
  'closed',
] as const;

const idPattern = /^[1-9]\d{0,15}$/;
// The contract's rules for a source and an event type.
const sourcePattern = /^[a-z0-9_-]{1,50}$/;
const typePattern = /^[a-z_]{1,40}$/;
const day = z.iso.date();

const isOneOf = <T extends string>(known: readonly T[], v: string | null): v is T => v !== null && (known as readonly string[]).includes(v);

/** The values of a comma list the page can show, each once; the server's own limits keep the rest out. */
function readList(value: string | null, isValid: (v: string) => boolean, max: number): string[] {
  const values = (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(isValid);
  return [...new Set(values)].slice(0, max);
}
const readKnown = <T extends string>(value: string | null, known: readonly T[]): T[] => readList(value, (v) => isOneOf(known, v), known.length) as T[];

/**
 * The filters a URL gives. Values the page cannot show are dropped, not sent; days are kept as
 * written so a mistyped one stands at its field. Days without a preset mean a custom range, as for the API.
 */
export function readReportFilters(params: URLSearchParams): ReportFilters {
  const from = (params.get('from') ?? '').trim();
  const to = (params.get('to') ?? '').trim();
  const presetParam = params.get('preset');
  const preset = isOneOf(reportPresets, presetParam) ? presetParam : from || to ? 'custom' : defaultPreset;
  const interval = params.get('interval');
  return {
    preset,
    from: preset === 'custom' ? from : '',
    to: preset === 'custom' ? to : '',
    interval: isOneOf(reportIntervals, interval) ? interval : '',
    department: readList(params.get('department'), (v) => idPattern.test(v), 100),
    channel: readKnown(params.get('channel'), channels),
    // Sources in any case, as the API takes them: "eBay" is ebay.
    source: readList(params.get('source')?.toLowerCase() ?? null, (v) => sourcePattern.test(v), 50),
    category: readList(params.get('category'), (v) => idPattern.test(v), 100),
    agent: readList(params.get('agent'), (v) => idPattern.test(v), 100),
    priority: readKnown(params.get('priority'), priorities),
  };
}

export function readActivityFilters(params: URLSearchParams): ActivityFilters {
  return {
    actor: readKnown(params.get('actor'), actorKinds),
    actor_agent: readList(params.get('actor_agent'), (v) => idPattern.test(v), 100),
    type: readList(params.get('type'), (v) => typePattern.test(v), 30),
  };
}

/** The range and ticket filters as the reports API takes them: lists as comma lists, nothing empty. */
export function toReportQuery(f: ReportFilters): Record<string, string> {
  const query: Record<string, string> = { preset: f.preset };
  if (f.preset === 'custom') {
    query.from = f.from;
    query.to = f.to;
  }
  for (const key of ticketFilterKeys) if (f[key].length) query[key] = f[key].join(',');
  return query;
}

export function toOverviewQuery(f: ReportFilters): Record<string, string> {
  return f.interval ? { ...toReportQuery(f), interval: f.interval } : toReportQuery(f);
}

export function toActivityQuery(f: ReportFilters, a: ActivityFilters): Record<string, string> {
  const query = toReportQuery(f);
  for (const key of activityFilterKeys) if (a[key].length) query[key] = a[key].join(',');
  return query;
}

/** The URL's query string: what differs from the defaults, then the activity's own filters when given. */
export function writeReportFilters(f: ReportFilters, a?: ActivityFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.preset !== defaultPreset) params.set('preset', f.preset);
  if (f.preset === 'custom') {
    params.set('from', f.from);
    params.set('to', f.to);
  }
  if (f.interval) params.set('interval', f.interval);
  for (const key of ticketFilterKeys) if (f[key].length) params.set(key, f[key].join(','));
  if (a) for (const key of activityFilterKeys) if (a[key].length) params.set(key, a[key].join(','));
  return params;
}

/** A download link to one table of the overview, or the activity, for exactly what the page shows. */
export const overviewCsvUrl = (f: ReportFilters, table: OverviewTable): string => apiUrl('/reports/overview.csv', { ...toOverviewQuery(f), table });
export const activityCsvUrl = (f: ReportFilters, a: ActivityFilters): string => apiUrl('/reports/activity.csv', toActivityQuery(f, a));

/** How many ticket filters narrow the report (the range is not one). */
export const countTicketFilters = (f: ReportFilters): number => ticketFilterKeys.filter((k) => f[k].length > 0).length;

/** The fields of the filters panel a refusal can point at. */
export type ReportField = 'preset' | 'from' | 'to' | 'interval' | TicketFilterKey | (typeof activityFilterKeys)[number];
const reportFields: readonly ReportField[] = ['preset', 'from', 'to', 'interval', ...ticketFilterKeys, ...activityFilterKeys];

/** Why a value is refused; the page words it in the agent's language. */
export type ReportIssue = { kind: 'required' } | { kind: 'date' } | { kind: 'range' } | { kind: 'server'; message: string };
export type ReportErrors = Partial<Record<ReportField, ReportIssue>>;

/** A custom range needs two days, the last on or after the first; longer limits are the server's to say. */
export function checkReportRange(f: Pick<ReportFilters, 'preset' | 'from' | 'to'>): ReportErrors {
  if (f.preset !== 'custom') return {};
  const errors: ReportErrors = {};
  for (const key of ['from', 'to'] as const) {
    if (!f[key]) errors[key] = { kind: 'required' };
    else if (!day.safeParse(f[key]).success) errors[key] = { kind: 'date' };
  }
  if (!errors.from && !errors.to && f.to < f.from) errors.to = { kind: 'range' };
  return errors;
}

/** A parameter the server names (`query.to`, `querystring.channel`) as the field it comes from. */
export function fieldOfParam(param: string): ReportField | undefined {
  const name = param.replace(/^(query|querystring)\./, '').split('.')[0];
  return reportFields.find((f) => f === name);
}

/** A 400's per-parameter messages placed at the panel's fields; the rest stays with the error itself. */
export function serverReportErrors(error: unknown): ReportErrors {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details)) return {};
  const errors: ReportErrors = {};
  for (const detail of error.details as unknown[]) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { field, message } = detail as { field?: unknown; message?: unknown };
    if (typeof field !== 'string' || typeof message !== 'string') continue;
    const target = fieldOfParam(field);
    if (target) errors[target] ??= { kind: 'server', message };
  }
  return errors;
}
