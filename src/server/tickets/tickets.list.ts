import { sql, type RawBuilder } from 'kysely';
import type { ListTicketsQuery, StatsQuery, Ticket, TicketStats } from '../../contract/tickets.ts';
import type { Deps } from '../platform/deps.ts';
import { decodeCursor, encodeCursor } from '../platform/http/cursor.ts';
import { AppError } from '../platform/errors.ts';
import { namesNeeded, toTicket } from './ticket-dto.ts';
import { namesFor } from './staff-names.ts';
import { isCounterQuery, overdueCondition, parseSort, textQuery, ticketFilters, type QueryContext, type SortSpec } from './ticket-query.ts';
import { selectTickets, type TicketRow } from './tickets.repository.ts';

// Relevance ranks the newest matches only, so a word found in every tenth ticket stays fast.
export const RELEVANCE_WINDOW = 250;

const sortExpressions: Record<Exclude<SortSpec['key'], 'relevance'>, { expr: RawBuilder<unknown>; cast: string; value: (t: TicketRow) => string | number }> = {
  created_at: { expr: sql`t.created_at`, cast: 'timestamptz', value: (t) => t.created_at.toISOString() },
  updated_at: { expr: sql`t.updated_at`, cast: 'timestamptz', value: (t) => t.updated_at.toISOString() },
  number: { expr: sql`t.seq`, cast: 'bigint', value: (t) => t.seq },
  priority: { expr: sql`t.priority_rank`, cast: 'bigint', value: (t) => t.priority_rank },
  due: {
    expr: sql`coalesce(t.escalation_at, '9999-12-31T00:00:00Z'::timestamptz)`,
    cast: 'timestamptz',
    value: (t) => (t.escalation_at ?? new Date('9999-12-31T00:00:00Z')).toISOString(),
  },
};

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const cursorKinds = {
  timestamp: (v: unknown) => typeof v === 'string' && isoTimestamp.test(v) && !Number.isNaN(Date.parse(v)),
  integer: (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v),
  float: (v: unknown) => typeof v === 'number' && Number.isFinite(v),
};

function cursorValue(cursor: string, kind: keyof typeof cursorKinds): [string | number, number] {
  const [value, id] = decodeCursor(cursor);
  if (!cursorKinds[kind](value) || !Number.isSafeInteger(id)) {
    throw new AppError('validation_error', 'Malformed cursor: pass next_cursor from a previous page of the same sort unchanged', [
      { field: 'querystring.cursor', message: 'malformed cursor' },
    ]);
  }
  return [value as string | number, id];
}

/** One page of tickets under the filters, in a stable keyset order. */
export async function listTickets(deps: Deps, query: ListTicketsQuery, ctx: QueryContext): Promise<{ items: Ticket[]; next_cursor: string | null }> {
  const sort = parseSort(query);
  if (sort.key === 'relevance') return listByRelevance(deps, query, ctx);
  const { expr, cast, value } = sortExpressions[sort.key];
  const direction = sort.descending ? sql`desc` : sql`asc`;
  let q = selectTickets(deps.db, ctx.actor.orgId).where((eb) => ticketFilters(eb, query, ctx));
  if (query.cursor) {
    const [v, id] = cursorValue(query.cursor, cast === 'timestamptz' ? 'timestamp' : 'integer');
    const op = sql.raw(sort.descending ? '<' : '>');
    q = q.where(sql<boolean>`(${expr}, t.id) ${op} (${v}::${sql.raw(cast)}, ${id}::bigint)`);
  }
  const rows = await q
    .orderBy(sql`${expr} ${direction}`)
    .orderBy(sql`t.id ${direction}`)
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const names = await namesFor(deps.db, deps.db, ctx.actor.orgId, namesNeeded(page));
  return {
    items: page.map((t) => toTicket(t, names, ctx.now)),
    next_cursor: rows.length > query.limit ? encodeCursor(value(last), last.id) : null,
  };
}

async function listByRelevance(deps: Deps, query: ListTicketsQuery, ctx: QueryContext) {
  const orgId = ctx.actor.orgId;
  const q = query.q as string;
  let ranked = deps.db
    .with('m', (db) =>
      db
        .selectFrom('tickets as t')
        .where('t.org_id', '=', orgId)
        .where((eb) => ticketFilters(eb, query, ctx))
        .select(['t.id', sql<number>`ts_rank_cd(t.search, ${textQuery(q)})::float8`.as('rank')])
        .orderBy('t.created_at', 'desc')
        .orderBy('t.id', 'desc')
        .limit(RELEVANCE_WINDOW),
    )
    .selectFrom('m')
    .select(['m.id', 'm.rank']);
  if (query.cursor) {
    const [rank, id] = cursorValue(query.cursor, 'float');
    ranked = ranked.where(sql<boolean>`(m.rank, m.id) < (${rank}::float8, ${id}::bigint)`);
  }
  const hits = await ranked.orderBy('m.rank', 'desc').orderBy('m.id', 'desc').limit(query.limit + 1).execute();
  const page = hits.slice(0, query.limit);
  const rows = page.length ? await selectTickets(deps.db, orgId).where('t.id', 'in', page.map((h) => h.id)).execute() : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const names = await namesFor(deps.db, deps.db, orgId, namesNeeded(rows));
  const last = page[page.length - 1];
  return {
    items: page.flatMap((h) => (byId.has(h.id) ? [toTicket(byId.get(h.id) as TicketRow, names, ctx.now)] : [])),
    next_cursor: hits.length > query.limit ? encodeCursor(last.rank, last.id) : null,
  };
}

const buckets = ['new', 'open', 'pending', 'resolved', 'closed', 'auto_closed'] as const;

function toStats(counts: Map<string, number>, overdue: number, statusFilter: string[] | undefined): TicketStats {
  const shown = (b: string) => !statusFilter || statusFilter.includes(b);
  const get = (b: (typeof buckets)[number]) => (shown(b) ? (counts.get(b) ?? 0) : 0);
  const stats = { new: get('new'), open: get('open'), pending: get('pending'), resolved: get('resolved'), closed: get('closed'), auto_closed: get('auto_closed') };
  return { ...stats, overdue, total: buckets.reduce((sum, b) => sum + stats[b], 0) };
}

/** Status counts under the same filters as the list; plain views read the maintained counters. */
export async function countTickets(deps: Deps, query: StatsQuery, ctx: QueryContext): Promise<TicketStats> {
  const orgId = ctx.actor.orgId;
  if (isCounterQuery(query)) {
    // One statement: the maintained counters, and overdue (clock-dependent, so counted) as a row beside them.
    let counters = deps.db
      .selectFrom('ticket_counts')
      .select(['bucket', (eb) => eb.fn.sum<number>('n').as('n')])
      .where('org_id', '=', orgId)
      .groupBy('bucket');
    if (query.channel) counters = counters.where('channel', 'in', query.channel);
    if (query.source) counters = counters.where('source', 'in', query.source);
    const onlyActive = query.status ? query.status.filter((s) => ['new', 'open', 'pending'].includes(s)) : undefined;
    const withOverdue =
      onlyActive && onlyActive.length === 0
        ? counters
        : counters.unionAll(
            deps.db
              .selectFrom('tickets as t')
              .select([sql<string>`'overdue'`.as('bucket'), (eb) => eb.fn.countAll<number>().as('n')])
              .where('t.org_id', '=', orgId)
              .where((eb) => overdueCondition(eb, ctx.now))
              .where((eb) => ticketFilters(eb, { channel: query.channel, source: query.source, status: onlyActive as StatsQuery['status'] }, ctx)),
          );
    const rows = await withOverdue.execute();
    const counts = new Map(rows.map((r) => [r.bucket, Number(r.n)]));
    return toStats(counts, counts.get('overdue') ?? 0, query.status);
  }
  const rows = await deps.db
    .selectFrom('tickets as t')
    .where('t.org_id', '=', orgId)
    .where((eb) => ticketFilters(eb, query, ctx))
    .select((eb) => [
      sql<string>`ticket_bucket(t.status, t.close_reason)`.as('bucket'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.countAll<number>().filterWhere(overdueCondition(eb, ctx.now)).as('overdue'),
    ])
    .groupBy(sql`ticket_bucket(t.status, t.close_reason)`)
    .execute();
  const overdue = rows.reduce((sum, r) => sum + Number(r.overdue), 0);
  return toStats(new Map(rows.map((r) => [r.bucket, Number(r.n)])), overdue, undefined);
}
