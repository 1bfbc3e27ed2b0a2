import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import type { Interval } from './report-range.ts';

/** Which tickets a report counts, by what they are now. */
export interface TicketFilters {
  department?: number[];
  channel?: string[];
  source?: string[];
  category?: number[];
  agent?: number[];
  priority?: string[];
}

export interface Window {
  start: Date;
  end: Date;
}

type WithTickets = ExpressionBuilder<DB & { t: DB['tickets'] }, 't'>;

export const hasTicketFilters = (f: TicketFilters) => Object.values(f).some((v) => v !== undefined);

function ticketConditions(eb: WithTickets, f: TicketFilters): Expression<SqlBool> {
  const c: Expression<SqlBool>[] = [];
  if (f.department) c.push(eb('t.department_id', 'in', f.department));
  if (f.channel) c.push(eb('t.channel', 'in', f.channel));
  if (f.source) c.push(eb('t.source', 'in', f.source));
  if (f.category) c.push(eb('t.category_id', 'in', f.category));
  if (f.agent) c.push(eb('t.assignee_id', 'in', f.agent));
  if (f.priority) c.push(eb('t.priority', 'in', f.priority as DB['tickets']['priority'][]));
  return eb.and(c);
}

/** The workspace's events in a window, joined to their tickets (filtered by what the tickets are now). */
const eventsIn = (db: Db, orgId: number, w: Window, f: TicketFilters) =>
  db
    .selectFrom('ticket_events as e')
    .innerJoin('tickets as t', (j) => j.onRef('t.org_id', '=', 'e.org_id').onRef('t.id', '=', 'e.ticket_id'))
    .where('e.org_id', '=', orgId)
    .where('e.created_at', '>=', w.start)
    .where('e.created_at', '<', w.end)
    .where((eb) => ticketConditions(eb as unknown as WithTickets, f));

/**
 * The workspace's events of some types in a window, without their tickets unless a filter needs
 * them (then as EXISTS): most figures read the events alone, through (org_id, type, created_at).
 */
const eventsOf = (db: Db, orgId: number, w: Window, f: TicketFilters, types: readonly string[]) =>
  db
    .selectFrom('ticket_events as e')
    .where('e.org_id', '=', orgId)
    .where('e.type', 'in', types)
    .where('e.created_at', '>=', w.start)
    .where('e.created_at', '<', w.end)
    .$if(hasTicketFilters(f), (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('tickets as t')
            .select(sql<number>`1`.as('one'))
            .whereRef('t.org_id', '=', 'e.org_id')
            .whereRef('t.id', '=', 'e.ticket_id')
            .where((tb) => ticketConditions(tb as unknown as WithTickets, f)),
        ),
      ),
    );

const ticketsCreatedIn = (db: Db, orgId: number, w: Window, f: TicketFilters) =>
  db
    .selectFrom('tickets as t')
    .where('t.org_id', '=', orgId)
    .where('t.created_at', '>=', w.start)
    .where('t.created_at', '<', w.end)
    .where((eb) => ticketConditions(eb as unknown as WithTickets, f));

const n = (v: string | number | bigint | null) => Number(v ?? 0);
const seconds = (v: string | number | null) => (v === null ? null : Math.round(Number(v)));
const localBucket = (interval: Interval, timeZone: string) => sql<string>`to_char(date_trunc(${interval}, e.created_at at time zone ${timeZone}), 'YYYY-MM-DD')`;

const volumeTypes = ['created', 'resolved', 'closed', 'reopened'] as const;
export type VolumeKind = (typeof volumeTypes)[number] | 'auto_closed';

/** Created, resolved, closed (auto-closed apart) and reopened events per bucket of the workspace's days. */
export async function volumeByBucket(db: Db, orgId: number, w: Window, f: TicketFilters, interval: Interval, timeZone: string) {
  const rows = await eventsOf(db, orgId, w, f, volumeTypes)
    .select([
      localBucket(interval, timeZone).as('bucket'),
      sql<VolumeKind>`case when e.type = 'closed' and e.after->>'close_reason' = 'auto' then 'auto_closed' else e.type end`.as('kind'),
      (eb) => eb.fn.countAll<string>().as('n'),
    ])
    .groupBy(['bucket', 'kind'])
    .execute();
  return rows.map((r) => ({ bucket: r.bucket, kind: r.kind, count: n(r.n) }));
}

const ageBucket = (now: Date) => sql<string>`case
  when t.created_at > ${now}::timestamptz - interval '1 day' then 'under_1_day'
  when t.created_at > ${now}::timestamptz - interval '3 days' then '1_to_3_days'
  when t.created_at > ${now}::timestamptz - interval '7 days' then '3_to_7_days'
  when t.created_at > ${now}::timestamptz - interval '30 days' then '7_to_30_days'
  else 'over_30_days' end`;

/** Tickets waiting on the team now (new, open, pending), by status and by age. */
export async function backlogNow(db: Db, orgId: number, f: TicketFilters, now: Date) {
  const rows = await db
    .selectFrom('tickets as t')
    .select(['t.status', ageBucket(now).as('age'), (eb) => eb.fn.countAll<string>().as('n')])
    .where('t.org_id', '=', orgId)
    .where('t.status', 'in', ['new', 'open', 'pending'])
    .where((eb) => ticketConditions(eb as unknown as WithTickets, f))
    .groupBy(['t.status', 'age'])
    .execute();
  return rows.map((r) => ({ status: r.status, age: r.age, count: n(r.n) }));
}

export type Measure = 'first_response' | 'resolution';
const measureOf = { first_response: { event: 'replied', key: 'first_response_seconds' }, resolution: { event: 'resolved', key: 'resolution_seconds' } } as const;

/**
 * Median, 90th percentile and SLA compliance of first responses or resolutions in the window and in
 * the one before it (`previous` starts it), from the figures stored at each event.
 */
export async function timeFigures(db: Db, orgId: number, current: Window, previous: Window, f: TicketFilters, measure: Measure) {
  const { event, key } = measureOf[measure];
  const value = sql<number>`(e.measures->>${key})::float8`;
  const over = sql<number>`(e.measures->>${`${key}_over`})::float8`;
  const rows = await eventsOf(db, orgId, { start: previous.start, end: current.end }, f, [event])
    .select([
      sql<boolean>`e.created_at >= ${current.start}::timestamptz`.as('current'),
      (eb) => eb.fn.countAll<string>().as('n'),
      sql<string | null>`percentile_cont(0.5) within group (order by ${value})`.as('median'),
      sql<string | null>`percentile_cont(0.9) within group (order by ${value})`.as('p90'),
      sql<string>`count(${over})`.as('with_target'),
      sql<string>`count(*) filter (where ${over} <= 0)`.as('met'),
    ])
    .where(sql<boolean>`e.measures->>${key} is not null`)
    .groupBy('current')
    .execute();
  const pick = (isCurrent: boolean) => {
    const r = rows.find((x) => Boolean(x.current) === isCurrent);
    return { count: n(r?.n ?? 0), median: seconds(r?.median ?? null), p90: seconds(r?.p90 ?? null), withTarget: n(r?.with_target ?? 0), met: n(r?.met ?? 0) };
  };
  return { current: pick(true), previous: pick(false) };
}

/** Resolutions in the window by who resolved: agent, customer (the portal), system, integration. */
export async function resolutionsByActor(db: Db, orgId: number, w: Window, f: TicketFilters) {
  const rows = await eventsOf(db, orgId, w, f, ['resolved']).select(['e.actor_kind', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('e.actor_kind').execute();
  return rows.map((r) => ({ actor: r.actor_kind, count: n(r.n) }));
}

/** Escalations in the window, by the level reached. */
export async function escalationsByLevel(db: Db, orgId: number, w: Window, f: TicketFilters) {
  const rows = await eventsOf(db, orgId, w, f, ['escalated'])
    .select([sql<number>`coalesce((e.after->>'escalation_level')::int, 0)`.as('level'), (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('level')
    .orderBy('level')
    .execute();
  return rows.map((r) => ({ level: Number(r.level), count: n(r.n) }));
}

// Marketplace and review tickets count by their source (eBay, Google, …), the others by channel.
const channelKey = sql<string>`case when t.channel in ('marketplace', 'review') and t.source <> '' then t.channel || ':' || t.source else t.channel end`;

export type Dimension = 'channel' | 'category' | 'department';

/** Tickets created and resolutions in the window, by channel or source, by category and by department (one query each). */
export async function breakdowns(db: Db, orgId: number, w: Window, f: TicketFilters) {
  const keys = sql`grouping sets ((${channelKey}), (t.category_id), (t.department_id))`;
  const columns = [
    sql<number>`grouping(${channelKey})`.as('g_channel'),
    sql<number>`grouping(t.category_id)`.as('g_category'),
    sql<string | null>`${channelKey}`.as('channel_key'),
    't.category_id',
    't.department_id',
  ] as const;
  const [created, resolved] = await Promise.all([
    ticketsCreatedIn(db, orgId, w, f)
      .select([...columns, (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy(keys)
      .execute(),
    eventsIn(db, orgId, w, f)
      .select([...columns, (eb) => eb.fn.countAll<string>().as('n')])
      .where('e.type', '=', 'resolved')
      .groupBy(keys)
      .execute(),
  ]);
  type Row = (typeof created)[number];
  const dimensionOf = (r: Row): [Dimension, string] =>
    Number(r.g_channel) === 0 ? ['channel', r.channel_key ?? ''] : Number(r.g_category) === 0 ? ['category', r.category_id === null ? '' : String(r.category_id)] : ['department', r.department_id === null ? '' : String(r.department_id)];
  const out = new Map<string, { dimension: Dimension; key: string; created: number; resolved: number }>();
  const add = (rows: Row[], field: 'created' | 'resolved') => {
    for (const r of rows) {
      const [dimension, key] = dimensionOf(r);
      const entry = out.get(`${dimension}|${key}`) ?? { dimension, key, created: 0, resolved: 0 };
      entry[field] += n(r.n);
      out.set(`${dimension}|${key}`, entry);
    }
  };
  add(created, 'created');
  add(resolved, 'resolved');
  return [...out.values()];
}

/** Per agent who acted in the window: tickets replied on, resolutions, and the medians of their first responses and resolutions. */
export async function agentFigures(db: Db, orgId: number, w: Window, f: TicketFilters) {
  const first = sql<number>`(e.measures->>'first_response_seconds')::float8`;
  const resolution = sql<number>`(e.measures->>'resolution_seconds')::float8`;
  const rows = await eventsOf(db, orgId, w, f, ['replied', 'resolved'])
    .leftJoin('agents as a', (j) => j.onRef('a.org_id', '=', 'e.org_id').onRef('a.id', '=', 'e.actor_id'))
    .select([
      'e.actor_id',
      sql<string>`coalesce(max(a.name), max(e.actor_name))`.as('name'),
      sql<string>`count(distinct e.ticket_id) filter (where e.type = 'replied')`.as('handled'),
      sql<string>`count(*) filter (where e.type = 'resolved')`.as('resolved'),
      sql<string | null>`percentile_cont(0.5) within group (order by ${first}) filter (where e.type = 'replied' and ${first} is not null)`.as('first_response'),
      sql<string | null>`percentile_cont(0.5) within group (order by ${resolution}) filter (where e.type = 'resolved' and ${resolution} is not null)`.as('resolution'),
    ])
    .where('e.actor_kind', '=', 'agent')
    .where('e.actor_id', 'is not', null)
    .groupBy('e.actor_id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.actor_id),
    name: r.name,
    handled: n(r.handled),
    resolved: n(r.resolved),
    medianFirstResponse: seconds(r.first_response),
    medianResolution: seconds(r.resolution),
  }));
}

/** Review tickets created in the window, by stars. */
export async function ratingCounts(db: Db, orgId: number, w: Window, f: TicketFilters) {
  const rows = await ticketsCreatedIn(db, orgId, w, f)
    .select(['t.review_rating', (eb) => eb.fn.countAll<string>().as('n')])
    .where('t.channel', '=', 'review')
    .where('t.review_rating', 'is not', null)
    .groupBy('t.review_rating')
    .execute();
  return rows.map((r) => ({ rating: Number(r.review_rating), count: n(r.n) }));
}

/** The names breakdowns show: sources, categories and departments of the workspace, retired ones too. */
export async function labelsFor(db: Db, orgId: number) {
  const [sources, categories, departments] = await Promise.all([
    db.selectFrom('ticket_sources').select(['channel', 'key', 'label']).where('org_id', '=', orgId).execute(),
    db.selectFrom('categories').select(['id', 'name']).where('org_id', '=', orgId).execute(),
    db.selectFrom('departments').select(['id', 'name']).where('org_id', '=', orgId).execute(),
  ]);
  return {
    source: new Map(sources.map((s) => [`${s.channel}:${s.key}`, s.label])),
    category: new Map(categories.map((c) => [String(c.id), c.name])),
    department: new Map(departments.map((d) => [String(d.id), d.name])),
  };
}

export interface ActivityFilters extends TicketFilters {
  actor?: string[];
  actorAgent?: number[];
  type?: string[];
}

export interface ActivityCursor {
  /** The event's instant to the microsecond, as PostgreSQL wrote it (UTC). */
  at: string;
  id: number;
}

const microsecondsUtc = sql<string>`to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The window's events that pass the filters, newest first, after `cursor`: one page of `limit`. */
const activityRows = (db: Db, orgId: number, w: Window, f: ActivityFilters, cursor: ActivityCursor | null, limit: number) =>
  eventsIn(db, orgId, w, f)
    .$if(f.actor !== undefined, (q) => q.where('e.actor_kind', 'in', f.actor as DB['ticket_events']['actor_kind'][]))
    .$if(f.actorAgent !== undefined, (q) => q.where('e.actor_kind', '=', 'agent').where('e.actor_id', 'in', f.actorAgent!))
    .$if(f.type !== undefined, (q) => q.where('e.type', 'in', f.type!))
    .$if(cursor !== null, (q) => q.where(sql<boolean>`(e.created_at, e.id) < (${cursor!.at}::timestamptz, ${cursor!.id})`))
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit);

/** A page of the activity report: each event with its ticket's number, subject and status. */
export const activityPage = (db: Db, orgId: number, w: Window, f: ActivityFilters, cursor: ActivityCursor | null, limit: number) =>
  activityRows(db, orgId, w, f, cursor, limit)
    .select(['e.id', 'e.created_at', microsecondsUtc.as('cursor_at'), 'e.type', 'e.actor_kind', 'e.actor_id', 'e.actor_name', 'e.before', 'e.after', 't.number', 't.subject', 't.status'])
    .execute();
export type ActivityEventRow = Awaited<ReturnType<typeof activityPage>>[number];

/**
 * A page of the export: the same rows as text, as the CSV writes them (the instant to the
 * microsecond, history as its JSON text), so a million rows are not parsed only to be written back.
 */
export const activityExportPage = (db: Db, orgId: number, w: Window, f: ActivityFilters, cursor: ActivityCursor | null, limit: number) =>
  activityRows(db, orgId, w, f, cursor, limit)
    .select([
      'e.id',
      microsecondsUtc.as('at'),
      'e.type',
      'e.actor_kind',
      'e.actor_name',
      sql<string>`coalesce(e.before::text, '')`.as('before'),
      sql<string>`coalesce(e.after::text, '')`.as('after'),
      't.number',
      't.subject',
      't.status',
    ])
    .execute();
