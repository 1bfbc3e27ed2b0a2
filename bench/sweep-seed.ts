// The background sweep benchmark's data (bench/sweep.ts): two workspaces made by the real service,
// their staff, SLA policy and escalation flow, customers, a table of background tickets filled
// with set-based SQL whose due columns are null or at least a day ahead, and the due tickets —
// an equal share per duty — inserted through the triggers, with SLA columns exactly as the SLA
// rules plan them (checked against the real `applySla` on a sample). The due tickets are kept in
// `bench_due`, so a run can put them back as they were, moved to its own "now".
import { loadConfig } from '../src/server/platform/config.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import type { Deps } from '../src/server/platform/deps.ts';
import { createWorkspace } from '../src/server/workspaces/workspaces.service.ts';
import * as seedSql from './seed-sql.ts';
import * as words from './seed-data.ts';
import { literal, textArray, type QueryFn, type SqlEngine } from './sql.ts';

export const dutyKinds = ['auto_close', 'pending_reminder', 'sla_warning', 'escalation'] as const;
export type DutyKind = (typeof dutyKinds)[number];

/** The due column each duty sweeps by, and the history event one action writes. */
export const dutyColumns: Record<DutyKind, { column: string; event: string }> = {
  auto_close: { column: 'auto_close_at', event: 'closed' },
  pending_reminder: { column: 'reminder_due_at', event: 'reminded' },
  sla_warning: { column: 'sla_warning_at', event: 'sla_warning' },
  escalation: { column: 'escalation_due_at', event: 'escalated' },
};

export interface Workspace {
  orgId: number;
  /** Share of the tickets (background and due). */
  share: number;
  /** Returns, Logistics, Billing: the departments with an escalation flow. */
  departments: number[];
  escalations: number;
  agents: number[];
  policyId: number;
  firstCustomerUser: number;
  customerUsers: number;
  categories: number[];
}

const HOUR = 3600;
const workspaceSpecs = [
  { name: 'Sweep Shop', slug: 'sweep-shop', share: 0.8, agents: 24 },
  { name: 'Sweep Outlet', slug: 'sweep-outlet', share: 0.2, agents: 10 },
];

const intArray = (values: number[]) => `array[${values.join(',')}]::bigint[]`;
/** A non-negative pseudo-random int for row `g` and salt `k` (the same on every run). */
const h = (k: number, g = 'g') => `(hashint8(${g}::bigint * 1009 + ${k}) & 2147483647)`;
const pick = (values: readonly string[], k: number, g = 'g') => `(${textArray(values)})[1 + ${h(k, g)} % ${values.length}]`;
const pickId = (ids: number[], k: number, g = 'g') => `(${intArray(ids)})[1 + ${h(k, g)} % ${ids.length}]`;

/**
 * The app's own migrations, then per workspace: the workspace, its admin, categories and ticket
 * sequence by `createWorkspace`; departments, agents (one in five mails its notifications),
 * members, one 24×7 SLA policy (first response 1 h, resolution 8 h, warn at 75 %), a two-level
 * escalation flow on three departments, customers and customer users (one per ten tickets).
 */
export async function setUpWorkspaces(databaseUrl: string, engine: SqlEngine, tickets: number, now: Date): Promise<Workspace[]> {
  const database = await openDatabase({ databaseUrl, poolSize: 2 });
  const made: { orgId: number; adminId: number }[] = [];
  try {
    await migrate(database);
    const deps: Deps = { config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl }), database, db: database.db, clock: systemClock };
    for (const s of workspaceSpecs) {
      made.push(await createWorkspace(deps, { name: s.name, slug: s.slug, admin: { name: `${s.name} Admin`, email: `admin@${s.slug}.example`, password: 'bench-password-2024' } }));
    }
  } finally {
    await database.close();
  }
  const result: Workspace[] = [];
  for (const [i, s] of workspaceSpecs.entries()) {
    const { orgId, adminId } = made[i];
    const q = engine.query;
    const ids = async (text: string, params: unknown[] = []) => (await q(text, params)).map((r) => Number(r.id));
    await q(`update workspaces set time_zone = 'Asia/Jakarta', auto_close_after_seconds = 604800 where org_id = $1`, [orgId]);
    const [returns, logistics, billing, escalations] = await ids(
      `insert into departments (org_id, name, email) select $1, d, lower(d) || '@' || $2 from unnest(array['Returns', 'Logistics', 'Billing', 'Escalations']) with ordinality as x(d, n) order by n returning id`,
      [orgId, `${s.slug}.example`],
    );
    const [{ password_hash }] = await q('select password_hash from agents where org_id = $1 and id = $2', [orgId, adminId]);
    const agents = await ids(
      `insert into agents (org_id, email, name, role, password_hash, email_notifications)
       select $1, 'agent' || g || '@' || $2, ${pick(words.firstNames, 1)} || ' ' || ${pick(words.lastNames, 2)}, 'agent', $3, g % 5 = 0
       from generate_series(1, $4::int) g order by g returning id`,
      [orgId, `${s.slug}.example`, password_hash, s.agents],
    );
    // The last two agents lead the Escalations department; the others work in one of the three.
    const leads = agents.slice(-2);
    const staff = agents.slice(0, -2);
    const departments = [returns, logistics, billing];
    await q(
      `insert into department_members (org_id, department_id, agent_id)
       select $1, (case when a = any($3::bigint[]) then $4 else ($2::bigint[])[1 + (n::int % 3)] end), a
       from unnest($5::bigint[]) with ordinality as x(a, n)`,
      [orgId, departments, leads, escalations, agents],
    );
    const [{ id: policyId }] = await q(
      `insert into sla_policies (org_id, name, position, first_response_seconds, resolution_seconds, warning_percent)
       values ($1, 'Standard', 1, ${HOUR}, ${8 * HOUR}, 75) returning id`,
      [orgId],
    );
    // Level 1 at the escalation time tells the first lead and raises the priority; level 2, four
    // hours later, hands the ticket to the Escalations department.
    await q(
      `insert into escalation_levels (org_id, department_id, level, delay_seconds, notify_agent_ids, raise_priority_to, notify_department_id, reassign_department_id)
       select $1, d, l.level, l.delay, l.notify, l.raise, l.notify_department, l.reassign
       from unnest($2::bigint[]) d
       cross join (values (1, 0, array[$3::bigint], 'high', null::bigint, null::bigint), (2, ${4 * HOUR}, '{}'::bigint[], null, $4::bigint, $4::bigint))
         as l(level, delay, notify, raise, notify_department, reassign)`,
      [orgId, departments, leads[0], escalations],
    );
    const customerUsers = Math.max(10, Math.round((tickets * s.share) / 10));
    const shape: seedSql.SeedShape = { orgId, tickets: 0, customerUsers, customers: Math.max(10, Math.round(customerUsers / 10)), now, spanDays: 730 };
    await q(seedSql.customersSql(shape));
    const [{ first }] = await q('select min(id)::bigint as first from customers where org_id = $1', [orgId]);
    await q(seedSql.customerUsersSql(shape, Number(first)));
    const [cu] = await q('select min(id)::bigint as first, count(*)::int as n, max(id)::bigint as last from customer_users where org_id = $1', [orgId]);
    if (Number(cu.last) - Number(cu.first) + 1 !== Number(cu.n)) throw new Error('customer user ids are not contiguous');
    const categories = await ids('select id from categories where org_id = $1 order by position', [orgId]);
    result.push({ orgId, share: s.share, departments, escalations, agents: staff.concat(leads), policyId: Number(policyId), firstCustomerUser: Number(cu.first), customerUsers: Number(cu.n), categories });
  }
  return result;
}

/** How many of `total` fall to each workspace (the last takes the rest). */
export function split(total: number, workspaces: Workspace[]): number[] {
  const counts = workspaces.map((w) => Math.floor(total * w.share));
  counts[counts.length - 1] += total - counts.reduce((a, b) => a + b, 0);
  return counts;
}

/** Columns of a ticket every generated row shares: number, words, customer user, search document (the trigger's expressions). */
const searchColumns = `
  setweight(to_tsvector('simple', concat_ws(' ', x.number, x.subject)), 'A') ||
    setweight(to_tsvector('simple', concat_ws(' ', cu.name, cu.email, x.order_number, null)), 'B') ||
    setweight(to_tsvector('simple', left(x.description, 200000)), 'C'),
  lower(concat_ws(' ', x.number, x.order_number, null, cu.email, cu.phone_normalized))`;

/**
 * Background tickets seq lo..hi of one workspace (n in all), for a load with triggers off: two
 * years of them, the newest 0.8 % half still active, the next 1.2 % mostly closed, the rest
 * closed but for a few stale open ones. Due columns are null, or at least a day ahead (never
 * due while the benchmark runs): resolved tickets close 7 days after their resolve, pending ones
 * waiting on the customer in 1–6 days, reminders 1–6 days ahead, and a third of the active ones
 * have an SLA warning or an escalation level to come.
 */
export function backgroundTicketsSql(w: Workspace, n: number, lo: number, hi: number, now: Date): string {
  const at = `${literal(now.toISOString())}::timestamptz`;
  const dayAhead = (k: number) => `${at} + interval '1 day' + (${h(k, 'b.g')} % 7200) * interval '1 minute'`;
  return `insert into tickets (org_id, seq, number, subject, description, status, priority, category_id, department_id, assignee_id,
      customer_user_id, customer_id, channel, order_number, pending_reason, waiting_on, pending_until, resolved_by, resolution, close_reason,
      first_response_due_at, resolution_due_at, escalation_at, escalation_level, first_responded_at, created_at, updated_at, resolved_at, closed_at,
      sla_policy_id, sla_paused_at, auto_close_at, reminder_due_at, sla_warning_at, escalation_due_at, search, search_keys)
    select ${w.orgId}, x.g, x.number, x.subject, x.description, x.status, x.priority, x.category_id, x.department_id, x.assignee_id,
      cu.id, cu.customer_id, x.channel, x.order_number, x.pending_reason, x.waiting_on, x.pending_until, x.resolved_by, x.resolution, x.close_reason,
      x.created_at + interval '1 hour', x.created_at + interval '8 hours', x.escalation_at, x.escalation_level, x.first_responded_at, x.created_at,
      greatest(x.created_at, x.first_responded_at, x.resolved_at, x.closed_at), x.resolved_at, x.closed_at,
      x.sla_policy_id, x.sla_paused_at, x.auto_close_at, x.pending_until, x.sla_warning_at, x.escalation_due_at, ${searchColumns}
    from (
      select b.*,
        to_char(b.created_at at time zone 'UTC', 'YYYY') || case when b.g < 10000 then lpad(b.g::text, 4, '0') else b.g::text end as number,
        case when b.status = 'pending' and b.h5 % 4 < 2 then ${dayAhead(31)} end as pending_until,
        case when b.status = 'pending' then 'Waiting for the courier' end as pending_reason,
        case when b.status = 'pending' then (case when b.h5 % 2 = 0 then 'customer' else 'third_party' end) end as waiting_on,
        case when b.status in ('resolved', 'closed') then coalesce(b.assignee_id::text, 'customer') end as resolved_by,
        case when b.status in ('resolved', 'closed') then ${pick(words.resolutions, 21, 'b.g')} end as resolution,
        case when b.status = 'closed' then (case when b.h3 % 100 < 12 then 'auto' else 'manual' end) end as close_reason,
        case when b.status = 'closed' then least(b.resolved_at + interval '2 days', ${at}) end as closed_at,
        case when b.status in ('new', 'open') then b.created_at + interval '8 hours' end as escalation_at,
        case when b.status in ('new', 'open') and b.created_at + interval '8 hours' < ${at} then 2 else 0 end as escalation_level,
        case when b.status not in ('new', 'open') then coalesce(b.resolved_at, b.created_at + interval '1 day') end as sla_paused_at,
        case when b.status = 'resolved' then b.resolved_at + interval '7 days'
             when b.status = 'pending' and b.h5 % 2 = 0 then ${dayAhead(32)} end as auto_close_at,
        case when b.status in ('new', 'open') and b.p < 0.02 and b.h6 % 3 = 0 then ${dayAhead(33)} end as sla_warning_at,
        case when b.status in ('new', 'open') and b.p < 0.02 and b.h6 % 3 = 1 then ${dayAhead(34)} end as escalation_due_at
      from (
        select a.*,
          case when a.status <> 'new' then a.created_at + (5 + a.h4 % 240) * interval '1 minute' end as first_responded_at,
          case when a.status in ('resolved', 'closed') then a.created_at + (1 + a.h4 % 24) * interval '1 hour' end as resolved_at,
          case when a.p < 0.02 then ${w.policyId} end as sla_policy_id
        from (
          select s.*,
            case
              when s.p < 0.008 then case when s.h1 % 100 < 50 then (case when s.h2 % 100 < 15 then 'new' when s.h2 % 100 < 65 then 'open' else 'pending' end)
                                         when s.h1 % 100 < 80 then 'resolved' else 'closed' end
              when s.p < 0.02 then case when s.h1 % 100 < 15 then (case when s.h2 % 100 < 70 then 'open' else 'pending' end) else 'closed' end
              else case when s.h1 % 1000 < 5 then 'open' else 'closed' end
            end as status
          from (
            select g, (${n} - g)::float8 / ${n} as p,
              date_trunc('milliseconds', ${at} - ((${n} - g)::float8 * 730 * 86400 / ${n} + 7200) * interval '1 second') as created_at,
              ${h(1)} as h1, ${h(2)} as h2, ${h(3)} as h3, ${h(4)} as h4, ${h(5)} as h5, ${h(6)} as h6,
              ${pick(words.subjects, 11)} || ' (' || ${pick(words.productWords, 10)} || ')' as subject,
              concat_ws(' ', ${pick(words.sentences, 12)}, ${pick(words.sentences, 13)}, ${pick(words.sentences, 14)}) as description,
              case when ${h(7)} % 100 < 20 then 'low' when ${h(7)} % 100 < 75 then 'medium' when ${h(7)} % 100 < 95 then 'high' else 'urgent' end as priority,
              ${pickId(w.categories, 8)} as category_id,
              case when ${h(9)} % 10 < 8 then ${pickId(w.departments, 15)} end as department_id,
              case when ${h(16)} % 10 < 7 then ${pickId(w.agents, 17)} end as assignee_id,
              case when ${h(18)} % 100 < 95 then ${w.firstCustomerUser} + ${h(19)} % ${w.customerUsers} end as cu_id,
              (array['web', 'email', 'email', 'phone', 'marketplace', 'chat'])[1 + ${h(20)} % 6] as channel,
              case when ${h(22)} % 100 < 60 then 'ORD-' || to_char(g::bigint * 37 % 99999989 + 1, 'FM00000000') end as order_number
            from generate_series(${lo}, ${hi}) g
          ) s
        ) a
      ) b
    ) x
    left join customer_users cu on cu.org_id = ${w.orgId} and cu.id = x.cu_id
    order by x.g`;
}

/**
 * `count` tickets due for one duty at `anchor`, seq from `firstSeq`, through the triggers. Their
 * SLA columns are what the rules plan for them (24×7 policy, flow of bench setup): nothing else
 * is due on them, and one sweep acts on each exactly once.
 * - auto_close: resolved 7 days + 1–120 min ago, auto_close_at passed by 1–120 min;
 * - pending_reminder: pending (3 in 10 on the customer, closing in 6 days), pending_until passed by 1–120 min;
 * - sla_warning: open, answered, 7 h old: the resolution warning (6 h) passed, its due time (8 h) ahead;
 * - escalation: open, unanswered, 2–3 h old: first response (1 h) missed, level 1 due, level 2 (4 h later) ahead.
 */
export function dueTicketsSql(w: Workspace, kind: DutyKind, count: number, firstSeq: number): string {
  const a = '$1::timestamptz';
  const k = `(g - ${firstSeq})`;
  const base = (created: string) => `date_trunc('milliseconds', ${created})`;
  const specific: Record<DutyKind, Record<string, string>> = {
    auto_close: {
      status: `'resolved'`,
      created_at: base(`${a} - interval '7 days' - (1 + ${k} % 120) * interval '1 minute' - (1 + ${k} % 48) * interval '1 hour'`),
      resolved_at: `${a} - interval '7 days' - (1 + ${k} % 120) * interval '1 minute'`,
      first_responded_at: `created_at + interval '20 minutes'`,
      resolved_by: `coalesce(assignee_id::text, 'customer')`,
      resolution: `'Replaced the item'`,
      resolution_kind: `'replacement'`,
      first_response_due_at: `created_at + interval '1 hour'`,
      resolution_due_at: `created_at + interval '8 hours'`,
      sla_paused_at: `resolved_at`,
      first_response_seconds_taken: '1200',
      first_response_seconds_over: `${1200 - HOUR}`,
      resolution_seconds_taken: `extract(epoch from resolved_at - created_at)::int`,
      resolution_seconds_over: `extract(epoch from resolved_at - created_at)::int - ${8 * HOUR}`,
      auto_close_at: `resolved_at + interval '7 days'`,
      updated_at: `resolved_at`,
    },
    pending_reminder: {
      status: `'pending'`,
      created_at: base(`${a} - interval '2 days' - (${k} % 600) * interval '1 minute'`),
      first_responded_at: `created_at + interval '30 minutes'`,
      first_response_due_at: `created_at + interval '1 hour'`,
      resolution_due_at: `created_at + interval '8 hours'`,
      escalation_at: `created_at + interval '8 hours'`,
      sla_paused_at: `${a} - interval '1 day'`,
      first_response_seconds_taken: '1800',
      first_response_seconds_over: `${1800 - HOUR}`,
      pending_reason: `'Waiting for the courier''s report'`,
      waiting_on: `case when ${k} % 10 < 3 then 'customer' else 'third_party' end`,
      pending_until: `${a} - (1 + ${k} % 120) * interval '1 minute'`,
      reminder_due_at: `pending_until`,
      auto_close_at: `case when ${k} % 10 < 3 then ${a} + interval '6 days' end`,
      updated_at: `${a} - interval '1 day'`,
    },
    sla_warning: {
      status: `'open'`,
      created_at: base(`${a} - interval '7 hours' + (${k} % 3000) * interval '1 second'`),
      first_responded_at: `created_at + interval '10 minutes'`,
      first_response_due_at: `created_at + interval '1 hour'`,
      resolution_due_at: `created_at + interval '8 hours'`,
      escalation_at: `created_at + interval '8 hours'`,
      sla_warning_at: `created_at + interval '6 hours'`,
      first_response_seconds_taken: '600',
      first_response_seconds_over: `${600 - HOUR}`,
      // Level 1 (no delay) fires at the escalation time where the department has a flow.
      escalation_due_at: `case when department_id is not null then created_at + interval '8 hours' end`,
      updated_at: `created_at + interval '10 minutes'`,
    },
    escalation: {
      status: `'open'`,
      created_at: base(`${a} - interval '3 hours' + (${k} % 3540) * interval '1 second'`),
      first_response_due_at: `created_at + interval '1 hour'`,
      resolution_due_at: `created_at + interval '8 hours'`,
      escalation_at: `created_at + interval '1 hour'`,
      sla_warning_at: `created_at + interval '6 hours'`,
      escalation_due_at: `created_at + interval '1 hour'`,
      updated_at: `created_at`,
    },
  };
  // Columns that refer to others are computed in a second step (created_at first, then the rest).
  const cols = specific[kind];
  const first = ['status', 'created_at', 'resolved_at', 'pending_until'].filter((c) => c in cols);
  const rest = Object.keys(cols).filter((c) => !first.includes(c));
  // Reminders and warnings go to the assignee, else the department (one in ten has neither department nor assignee).
  const department = kind === 'auto_close' || kind === 'escalation' ? pickId(w.departments, 15) : `case when ${h(9)} % 10 < 9 then ${pickId(w.departments, 15)} end`;
  return `insert into tickets (org_id, seq, number, subject, description, priority, category_id, department_id, assignee_id, customer_user_id, customer_id,
      channel, sla_policy_id, ${first.join(', ')}, ${rest.join(', ')})
    select ${w.orgId}, y.g, y.number, y.subject, y.description, y.priority, y.category_id, y.department_id, y.assignee_id, cu.id, cu.customer_id,
      y.channel, ${w.policyId}, ${first.map((c) => `y.${c}`).join(', ')}, ${rest.map((c) => `y.${c}`).join(', ')}
    from (
      select x.*, ${rest.map((c) => `${cols[c]} as ${c}`).join(', ')}
      from (
        select g, ${first.map((c) => `${cols[c]} as ${c}`).join(', ')},
          to_char(${a} at time zone 'UTC', 'YYYY') || case when g < 10000 then lpad(g::text, 4, '0') else g::text end as number,
          ${pick(words.subjects, 11)} || ' (' || ${pick(words.productWords, 10)} || ')' as subject,
          concat_ws(' ', ${pick(words.sentences, 12)}, ${pick(words.sentences, 13)}) as description,
          case when ${h(7)} % 100 < 30 then 'low' when ${h(7)} % 100 < 85 then 'medium' else 'high' end as priority,
          ${pickId(w.categories, 8)} as category_id,
          ${department} as department_id,
          case when ${h(16)} % 10 < 7 then ${pickId(w.agents, 17)} end as assignee_id,
          case when ${h(18)} % 100 < 95 then ${w.firstCustomerUser} + ${h(19)} % ${w.customerUsers} end as cu_id,
          (array['web', 'email', 'email', 'phone', 'marketplace', 'chat'])[1 + ${h(20)} % 6] as channel
        from generate_series(${firstSeq}, ${firstSeq + count - 1}) g
      ) x
    ) y
    left join customer_users cu on cu.org_id = ${w.orgId} and cu.id = y.cu_id
    order by y.g
    returning org_id, id`;
}

/** Runs `fn` on one connection with triggers (and so foreign-key checks) off; undone after. */
export async function bulkSession<T>(engine: SqlEngine, fn: (q: QueryFn) => Promise<T>): Promise<T> {
  return engine.session(async (q) => {
    await q(`set session_replication_role = replica`);
    await q(`set maintenance_work_mem = '512MB'`);
    await q(`set synchronous_commit = off`);
    try {
      return await fn(q);
    } finally {
      await q(`reset session_replication_role`);
      await q(`reset maintenance_work_mem`);
      await q(`reset synchronous_commit`);
    }
  });
}

/** Runs the jobs on up to `engine.parallelism` connections at once (triggers off). */
export async function inParallel(engine: SqlEngine, jobs: ((q: QueryFn) => Promise<void>)[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(engine.parallelism, jobs.length) }, () =>
      bulkSession(engine, async (q) => {
        while (next < jobs.length) await jobs[next++](q);
      }),
    ),
  );
}
