// What the benchmark asks of the API, and the service call that answers each request, so the
// SQL it sends can be captured from the real code and replayed straight to the database.
import { createTicketBody, listTicketsQuery, statsQuery } from '../src/contract/tickets.ts';
import { customerSearchQuery } from '../src/contract/customers.ts';
import { findCustomerUsers } from '../src/server/customers/customers.service.ts';
import type { Actor } from '../src/server/platform/actor.ts';
import type { Deps } from '../src/server/platform/deps.ts';
import { encodeCursor } from '../src/server/platform/http/cursor.ts';
import type { QueryContext } from '../src/server/tickets/ticket-query.ts';
import { countTickets, listTickets } from '../src/server/tickets/tickets.list.ts';
import { createTicket, getTicket } from '../src/server/tickets/tickets.service.ts';
import { COMMON_WORD, RARE_WORD, commonSentence } from './seed-data.ts';
import type { SqlEngine } from './sql.ts';

export interface Fixtures {
  /** Ticket numbers spread over the whole range, for the detail view. */
  numbers: string[];
  /** Customer users with tickets: phone as stored (typed by an agent) and normalized. */
  customers: { phone: string; phoneNormalized: string; email: string | null; name: string }[];
  /** Keyset cursors 20–80 % deep into the filtered list. */
  deepCursors: string[];
  deepFilter: Record<string, string>;
  deepMatches: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export interface Scenario {
  name: string;
  title: string;
  kind: 'read' | 'create';
  concurrency: number;
  variants: number;
  /** The API request for variant v. */
  request(v: number): HttpRequest;
  /** The same request as a service call (what the route handler runs). */
  service(deps: Deps, ctx: QueryContext, v: number): Promise<unknown>;
  /** The service sends its queries at once (Promise.all): replay them so too. */
  parallel?: boolean;
}

const withQuery = (path: string, query: Record<string, string>) => {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
};

function listScenario(name: string, title: string, variants: number, queryOf: (v: number) => Record<string, string>): Scenario {
  return {
    name,
    title,
    kind: 'read',
    concurrency: 10,
    variants,
    request: (v) => ({ method: 'GET', path: withQuery('/api/v1/tickets', queryOf(v)) }),
    service: (deps, ctx, v) => listTickets(deps, listTicketsQuery.parse(queryOf(v)), ctx),
  };
}

function statsScenario(name: string, title: string, query: Record<string, string>): Scenario {
  return {
    name,
    title,
    kind: 'read',
    concurrency: 10,
    variants: 1,
    parallel: true,
    request: () => ({ method: 'GET', path: withQuery('/api/v1/tickets/stats', query) }),
    service: (deps, ctx) => countTickets(deps, statsQuery.parse(query), ctx),
  };
}

export function createBody(f: Fixtures, v: number) {
  const c = f.customers[v % f.customers.length];
  return {
    subject: `Bench ticket ${v}: the blender arrived cracked`,
    // One create in ten mentions the common word, as one seeded ticket in ten does.
    description: `Ordered a blender, the jug was cracked on arrival. ${v % 10 === 7 ? commonSentence : 'I want a replacement.'} Photos attached.`,
    priority: 'medium',
    category: 'Damage',
    channel: 'phone',
    customer: { name: c.name, ...(c.email ? { email: c.email } : {}), phone: c.phone },
  };
}

export function buildScenarios(f: Fixtures): Scenario[] {
  return [
    statsScenario('stats', 'stats (all)', {}),
    statsScenario('stats_channel', 'stats, channel=email', { channel: 'email' }),
    listScenario('first_page', 'first page (dashboard table)', 1, () => ({})),
    listScenario('deep_page', `filtered page deep in the cursor (${new URLSearchParams(f.deepFilter)})`, f.deepCursors.length, (v) => ({
      ...f.deepFilter,
      cursor: f.deepCursors[v],
    })),
    {
      name: 'detail',
      title: 'ticket detail',
      kind: 'read',
      concurrency: 10,
      variants: f.numbers.length,
      request: (v) => ({ method: 'GET', path: `/api/v1/tickets/${f.numbers[v]}` }),
      service: (deps, ctx, v) => getTicket(deps, ctx.actor.orgId, f.numbers[v]),
    },
    listScenario('search_rare', `full text, rare word ("${RARE_WORD}")`, 1, () => ({ q: RARE_WORD })),
    listScenario('search_common', `full text, common word ("${COMMON_WORD}", 10 %)`, 1, () => ({ q: COMMON_WORD })),
    listScenario('phone_lookup', 'tickets of a customer by phone (?phone=)', f.customers.length, (v) => ({ phone: f.customers[v].phone })),
    {
      name: 'customer_search',
      title: 'customer users by phone (Customer Information Center search)',
      kind: 'read',
      concurrency: 10,
      variants: f.customers.length,
      request: (v) => ({ method: 'GET', path: withQuery('/api/v1/customer-users', { search: f.customers[v].phoneNormalized }) }),
      service: (deps, ctx, v) => findCustomerUsers(deps, ctx.actor.orgId, customerSearchQuery.parse({ search: f.customers[v].phoneNormalized })),
    },
    {
      name: 'create',
      title: 'ticket create (8 clients)',
      kind: 'create',
      concurrency: 8,
      variants: 20,
      request: (v) => ({ method: 'POST', path: '/api/v1/tickets', body: createBody(f, v) }),
      service: (deps, ctx, v) => createTicket(deps, ctx.actor, createTicketBody.parse(createBody(f, v))),
    },
  ];
}

/** Picks the fixtures from the seeded data (spread evenly, the same on every run). */
export async function loadFixtures(engine: SqlEngine, orgId: number, tickets: number): Promise<Fixtures> {
  const seqs = Array.from({ length: 50 }, (_, k) => 1 + ((k * 7919 + 17) * 104729) % tickets);
  const numbers = (await engine.query('select number from tickets where org_id = $1 and seq = any($2::bigint[]) order by seq', [orgId, seqs])).map(
    (r) => r.number as string,
  );
  const customers = (
    await engine.query(
      `select cu.phone, cu.phone_normalized, cu.email, cu.name from customer_users cu
       where cu.org_id = $1 and cu.phone is not null
         and exists (select 1 from tickets t where t.org_id = cu.org_id and t.customer_user_id = cu.id)
       order by hashint8(cu.id) limit 50`,
      [orgId],
    )
  ).map((r) => ({ phone: r.phone as string, phoneNormalized: r.phone_normalized as string, email: r.email as string | null, name: r.name as string }));
  // The same condition as the list's status=closed&channel=email filter.
  const deepFilter = { status: 'closed', channel: 'email' };
  const where = `org_id = $1 and status = 'closed' and (close_reason is null or close_reason <> 'auto') and channel = 'email'`;
  const [{ n }] = await engine.query(`select count(*)::int as n from tickets where ${where}`, [orgId]);
  const deepCursors: string[] = [];
  for (let j = 0; j < 10; j++) {
    const offset = Math.floor((n as number) * (0.2 + (0.6 * j) / 9));
    const [row] = await engine.query(`select created_at, id from tickets where ${where} order by created_at desc, id desc offset $2 limit 1`, [orgId, offset]);
    deepCursors.push(encodeCursor((row.created_at as Date).toISOString(), row.id as number));
  }
  return { numbers, customers, deepCursors, deepFilter, deepMatches: n as number };
}

export function benchActor(orgId: number, adminId: number): Actor {
  return { kind: 'agent', orgId, agentId: adminId, role: 'admin', name: 'Bench Admin', sessionId: null };
}
