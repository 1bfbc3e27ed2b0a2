import type { ActivityCsvQuery, ActivityQuery, ActivityReport, ActivityRow, OverviewCsvQuery, OverviewQuery, OverviewReport } from '../../contract/reports.ts';
import { ageBuckets, backlogStatuses } from '../../contract/reports.ts';
import { csvDocument } from '../platform/csv.ts';
import { keysetPages } from '../platform/keyset-pages.ts';
import type { Deps } from '../platform/deps.ts';
import { iso } from '../platform/dto.ts';
import { AppError } from '../platform/errors.ts';
import { getWorkspace } from '../workspaces/workspaces.service.ts';
import { bucketStarts, resolveRange, type ReportRange } from './report-range.ts';
import {
  activityExportPage,
  activityPage,
  agentFigures,
  backlogNow,
  breakdowns,
  escalationsByLevel,
  labelsFor,
  ratingCounts,
  resolutionsByActor,
  timeFigures,
  volumeByBucket,
  type ActivityCursor,
  type ActivityEventRow,
  type ActivityFilters,
  type TicketFilters,
} from './reports.repository.ts';

const channelLabels: Record<string, string> = {
  web: 'Web',
  email: 'Email',
  phone: 'Phone',
  in_store: 'In store',
  review: 'Reviews',
  marketplace: 'Marketplace',
  api: 'API',
  chat: 'Chat',
};

const filtersOf = (q: OverviewQuery | ActivityCsvQuery): TicketFilters => ({
  department: q.department,
  channel: q.channel,
  source: q.source,
  category: q.category,
  agent: q.agent,
  priority: q.priority,
});

async function rangeFor(deps: Deps, orgId: number, q: OverviewQuery | ActivityCsvQuery): Promise<ReportRange> {
  const workspace = await getWorkspace(deps, orgId);
  return resolveRange({ preset: q.preset, from: q.from, to: q.to, interval: 'interval' in q ? q.interval : undefined }, workspace.time_zone, deps.clock.now());
}

const rangeDto = (r: ReportRange): OverviewReport['range'] => ({
  from: r.from,
  to: r.to,
  time_zone: r.timeZone,
  interval: r.interval,
  starts_at: iso(r.start),
  ends_at: iso(r.end),
  previous: { from: r.previous.from, to: r.previous.to },
});

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const change = (now: number | null, before: number | null) => (now === null || before === null || before === 0 ? null : (now - before) / before);

/** The overview report (issue 8): volume, backlog, times, SLA, who resolves, breakdowns and ratings for a range. */
export async function overviewReport(deps: Deps, orgId: number, q: OverviewQuery): Promise<OverviewReport> {
  const range = await rangeFor(deps, orgId, q);
  const f = filtersOf(q);
  const window = { start: range.start, end: range.end };
  const previous = { start: range.previous.start, end: range.previous.end };
  const { db } = deps;
  const [volume, backlog, firstResponse, resolution, byActor, escalations, split, agents, ratings, labels] = await Promise.all([
    volumeByBucket(db, orgId, window, f, range.interval, range.timeZone),
    backlogNow(db, orgId, f, deps.clock.now()),
    timeFigures(db, orgId, window, previous, f, 'first_response'),
    timeFigures(db, orgId, window, previous, f, 'resolution'),
    resolutionsByActor(db, orgId, window, f),
    escalationsByLevel(db, orgId, window, f),
    breakdowns(db, orgId, window, f),
    agentFigures(db, orgId, window, f),
    ratingCounts(db, orgId, window, f),
    labelsFor(db, orgId),
  ]);

  const zero = () => ({ created: 0, resolved: 0, closed: 0, auto_closed: 0, reopened: 0 });
  const buckets = new Map(bucketStarts(range).map((b) => [b, zero()]));
  const totals = zero();
  for (const v of volume) {
    // Auto-closed tickets are closed tickets too; the auto-closed column says how many of them.
    const columns: (keyof typeof totals)[] = v.kind === 'auto_closed' ? ['closed', 'auto_closed'] : [v.kind];
    for (const target of [totals, buckets.get(v.bucket)]) for (const c of columns) if (target) target[c] += v.count;
  }

  const resolvedBy = { agent: 0, customer: 0, system: 0, integration: 0 };
  for (const r of byActor) resolvedBy[r.actor] += r.count;
  const allResolved = Object.values(resolvedBy).reduce((a, b) => a + b, 0);

  const trend = (t: Awaited<ReturnType<typeof timeFigures>>) => ({
    count: t.current.count,
    median_seconds: t.current.median,
    p90_seconds: t.current.p90,
    previous: { count: t.previous.count, median_seconds: t.previous.median, p90_seconds: t.previous.p90 },
    change: change(t.current.median, t.previous.median),
  });
  const compliance = (t: Awaited<ReturnType<typeof timeFigures>>) => ({ with_target: t.current.withTarget, met: t.current.met, share: share(t.current.met, t.current.withTarget) });

  const labelOf = (dimension: string, key: string) => {
    if (key === '') return dimension === 'category' ? 'No category' : dimension === 'department' ? 'No department' : 'Unknown';
    if (dimension === 'channel') return labels.source.get(key) ?? channelLabels[key] ?? key.split(':').pop()!;
    return (dimension === 'category' ? labels.category : labels.department).get(key) ?? `#${key}`;
  };
  const rowsOf = (dimension: string) =>
    split
      .filter((s) => s.dimension === dimension)
      .map((s) => ({ key: s.key, label: labelOf(dimension, s.key), created: s.created, resolved: s.resolved }))
      .sort((a, b) => b.created - a.created || b.resolved - a.resolved || a.label.localeCompare(b.label));

  return {
    range: rangeDto(range),
    totals,
    volume: [...buckets].map(([bucket, c]) => ({ bucket, ...c })),
    backlog: {
      total: backlog.reduce((a, b) => a + b.count, 0),
      by_status: backlogStatuses.map((status) => ({ status, count: backlog.filter((b) => b.status === status).reduce((a, b) => a + b.count, 0) })),
      by_age: ageBuckets.map((age) => ({ age, count: backlog.filter((b) => b.age === age).reduce((a, b) => a + b.count, 0) })),
    },
    times: { first_response: trend(firstResponse), resolution: trend(resolution) },
    sla: { first_response: compliance(firstResponse), resolution: compliance(resolution), escalations },
    resolved_by: { ...resolvedBy, customer_share: share(resolvedBy.customer, allResolved) },
    by_channel: rowsOf('channel'),
    by_category: rowsOf('category'),
    by_department: rowsOf('department'),
    by_agent: agents
      .map((a) => ({ agent: { id: a.id, name: a.name }, handled: a.handled, resolved: a.resolved, median_first_response_seconds: a.medianFirstResponse, median_resolution_seconds: a.medianResolution }))
      .sort((a, b) => b.resolved - a.resolved || b.handled - a.handled || a.agent.name.localeCompare(b.agent.name)),
    ratings: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: ratings.find((r) => r.rating === rating)?.count ?? 0 })),
  };
}

const activityFiltersOf = (q: ActivityCsvQuery): ActivityFilters => ({ ...filtersOf(q), actor: q.actor, actorAgent: q.actor_agent, type: q.type });

const encodeCursor = (c: ActivityCursor) => Buffer.from(`${c.at}|${c.id}`).toString('base64url');
function decodeCursor(raw: string): ActivityCursor {
  const [at, id] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at ?? '') || !/^\d{1,15}$/.test(id ?? '')) {
    throw new AppError('validation_error', 'query.cursor: not a cursor this report gave', [{ field: 'query.cursor', message: 'not a cursor this report gave' }]);
  }
  return { at, id: Number(id) };
}

/** Who resolved, as the activity report says it: the agent's name, or Customer. */
const resolvedByOf = (e: Pick<ActivityEventRow, 'type' | 'actor_kind' | 'actor_name'>) => (e.type !== 'resolved' ? null : e.actor_kind === 'customer' ? 'Customer' : e.actor_name);

const toActivityRow = (e: ActivityEventRow): ActivityRow => ({
  id: e.id,
  at: iso(e.created_at),
  ticket: { number: e.number, subject: e.subject, status: e.status },
  type: e.type,
  actor: { kind: e.actor_kind, id: e.actor_id, name: e.actor_name },
  resolved_by: resolvedByOf(e),
  before: e.before,
  after: e.after,
});

/** The activity report (issue 8): every event of the range, newest first, a page at a time. */
export async function activityReport(deps: Deps, orgId: number, q: ActivityQuery): Promise<ActivityReport> {
  const range = await rangeFor(deps, orgId, q);
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await activityPage(deps.db, orgId, range, activityFiltersOf(q), cursor, q.limit + 1);
  const more = rows.length > q.limit;
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return { range: rangeDto(range), items: items.map(toActivityRow), next_cursor: more && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null };
}

/** Rows per query of an export: memory holds one page whatever the export's size. */
export const EXPORT_PAGE_SIZE = 5_000;

const activityCsvHeader = ['time', 'ticket', 'subject', 'ticket_status', 'event', 'actor_kind', 'actor', 'resolved_by', 'before', 'after'] as const;

/**
 * The activity of the range as CSV, streamed a page at a time (no transaction stays open while a
 * slow client reads). The range and filters are checked before the answer starts.
 */
export async function activityCsv(deps: Deps, orgId: number, q: ActivityCsvQuery, pageSize = EXPORT_PAGE_SIZE): Promise<AsyncGenerator<string>> {
  const range = await rangeFor(deps, orgId, q);
  const f = activityFiltersOf(q);
  return csvDocument(
    activityCsvHeader,
    keysetPages((after: ActivityCursor | null) => activityExportPage(deps.db, orgId, range, f, after, pageSize), pageSize, (last) => ({ at: last.at, id: last.id })),
    (e) => [e.at, e.number, e.subject, e.status, e.type, e.actor_kind, e.actor_name, resolvedByOf(e) ?? '', e.before, e.after],
  );
}

const str = (v: number | null) => (v === null ? '' : String(v));

/** One table of the overview as CSV, the numbers the charts show. */
export async function overviewCsv(deps: Deps, orgId: number, q: OverviewCsvQuery): Promise<AsyncGenerator<string>> {
  const { table, ...query } = q;
  const r = await overviewReport(deps, orgId, query);
  const [header, rows] = overviewTable(r, table);
  return csvDocument(header, [rows], (row) => row);
}

function overviewTable(r: OverviewReport, table: OverviewCsvQuery['table']): [string[], string[][]] {
  const breakdown = (rows: OverviewReport['by_channel']): [string[], string[][]] => [['key', 'label', 'created', 'resolved'], rows.map((b) => [b.key, b.label, str(b.created), str(b.resolved)])];
  const times = (name: string, t: OverviewReport['times']['first_response']) => [name, str(t.count), str(t.median_seconds), str(t.p90_seconds), str(t.previous.count), str(t.previous.median_seconds), str(t.previous.p90_seconds)];
  switch (table) {
    case 'volume':
      return [['bucket', 'created', 'resolved', 'closed', 'auto_closed', 'reopened'], r.volume.map((v) => [v.bucket, str(v.created), str(v.resolved), str(v.closed), str(v.auto_closed), str(v.reopened)])];
    case 'backlog':
      return [['group', 'value', 'count'], [...r.backlog.by_status.map((b) => ['status', b.status, str(b.count)]), ...r.backlog.by_age.map((b) => ['age', b.age, str(b.count)])]];
    case 'times':
      return [['measure', 'count', 'median_seconds', 'p90_seconds', 'previous_count', 'previous_median_seconds', 'previous_p90_seconds'], [times('first_response', r.times.first_response), times('resolution', r.times.resolution)]];
    case 'sla':
      return [
        ['measure', 'with_target', 'met', 'share'],
        [
          ['first_response', str(r.sla.first_response.with_target), str(r.sla.first_response.met), str(r.sla.first_response.share)],
          ['resolution', str(r.sla.resolution.with_target), str(r.sla.resolution.met), str(r.sla.resolution.share)],
          ...r.sla.escalations.map((e) => [`escalation_level_${e.level}`, '', str(e.count), '']),
        ],
      ];
    case 'resolved_by':
      return [['resolved_by', 'count'], (['agent', 'customer', 'system', 'integration'] as const).map((k) => [k, str(r.resolved_by[k])])];
    case 'channels':
      return breakdown(r.by_channel);
    case 'categories':
      return breakdown(r.by_category);
    case 'departments':
      return breakdown(r.by_department);
    case 'agents':
      return [
        ['agent_id', 'agent', 'handled', 'resolved', 'median_first_response_seconds', 'median_resolution_seconds'],
        r.by_agent.map((a) => [str(a.agent.id), a.agent.name, str(a.handled), str(a.resolved), str(a.median_first_response_seconds), str(a.median_resolution_seconds)]),
      ];
    case 'ratings':
      return [['rating', 'count'], r.ratings.map((x) => [str(x.rating), str(x.count)])];
  }
}
