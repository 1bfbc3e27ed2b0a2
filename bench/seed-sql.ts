// Set-based statements that generate one workspace's data straight into the tables. Every value
// derives from the row number `g` through hashint8, so a seed is the same on every run and engine.
import { literal, textArray } from './sql.ts';
import * as words from './seed-data.ts';

export interface SeedShape {
  orgId: number;
  tickets: number;
  customerUsers: number;
  customers: number;
  /** The seed's "now": the newest ticket is a minute older. */
  now: Date;
  /** Days between the oldest and the newest ticket. */
  spanDays: number;
}

/** A non-negative pseudo-random int for row `g` and salt `k`. */
const h = (k: number, g = 'g') => `(hashint8(${g}::bigint * 1009 + ${k}) & 2147483647)`;
const pick = (values: readonly string[], k: number, g = 'g') => `(${textArray(values)})[1 + ${h(k, g)} % ${values.length}]`;
const ts = (d: Date) => `${literal(d.toISOString())}::timestamptz`;

/** Tickets whose description holds the rare word: spread over the whole range. */
export const rareTicketSeqs = (n: number): number[] =>
  Array.from({ length: words.RARE_COUNT }, (_, k) => Math.max(1, Math.round((n * (2 * k + 1)) / (2 * words.RARE_COUNT))));

export function departmentsSql(s: SeedShape): string {
  return `insert into departments (org_id, name, email)
    select ${s.orgId}, d, lower(d) || '@bench.example' from unnest(${textArray(words.departments)}) d`;
}

export function agentsSql(s: SeedShape, count: number, passwordHash: string): string {
  return `insert into agents (org_id, email, name, role, password_hash)
    select ${s.orgId}, 'agent' || g || '@bench.example', ${pick(words.firstNames, 1)} || ' ' || ${pick(words.lastNames, 2)} || ' (agent ' || g || ')',
           'agent', ${literal(passwordHash)}
    from generate_series(1, ${count}) g`;
}

export function departmentMembersSql(s: SeedShape): string {
  return `insert into department_members (org_id, department_id, agent_id)
    select a.org_id, d.id, a.id from agents a
    join lateral (select id from departments where org_id = a.org_id order by id offset (a.id % ${words.departments.length}) limit 1) d on true
    where a.org_id = ${s.orgId} and a.role = 'agent'`;
}

export function customersSql(s: SeedShape): string {
  return `insert into customers (org_id, customer_code, name, created_at, updated_at)
    select ${s.orgId}, 'C' || to_char(g, 'FM0000000'), ${pick(words.companyWords, 3)} || ' ' || ${pick(words.companyWords, 4)} || ' ' || g,
           ${ts(s.now)} - interval '800 days', ${ts(s.now)} - interval '800 days'
    from generate_series(1, ${s.customers}) g`;
}

/** Customer users with phones in the formats people type; phone_normalized as normalizePhone() makes it. */
export function customerUsersSql(s: SeedShape, firstCustomerId: number): string {
  return `insert into customer_users (org_id, customer_id, name, email, phone, phone_normalized, language, created_at, updated_at)
    select ${s.orgId}, customer_id, name, email, phone,
           (case when left(btrim(phone), 1) = '+' then '+' else '' end) || regexp_replace(phone, '\\D', '', 'g'),
           language, created_at, created_at
    from (
      select g,
        case when ${h(5)} % 10 < 3 then ${firstCustomerId} + ${h(6)} % ${s.customers} end as customer_id,
        fn || ' ' || ln as name,
        case when g % 10 <> 0 then lower(fn) || '.' || lower(ln) || g || '@' || ${pick(words.emailDomains, 7)} end as email,
        case g % 4
          when 0 then '+62 ' || substr(d, 1, 3) || '-' || substr(d, 4, 4) || '-' || substr(d, 8)
          when 1 then '+62' || d
          when 2 then '0' || d
          else '+62 (' || substr(d, 1, 3) || ') ' || substr(d, 4, 3) || ' ' || substr(d, 7)
        end as phone,
        case when ${h(8)} % 10 < 4 then 'id' else 'en' end as language,
        ${ts(s.now)} - (${h(9)} % 800) * interval '1 day' as created_at
      from (select g, ${pick(words.firstNames, 1)} as fn, ${pick(words.lastNames, 2)} as ln, '81' || to_char(g, 'FM00000000') as d
            from generate_series(1, ${s.customerUsers}) g) named
    ) u
    order by g`;
}

export interface TicketRefs {
  categoryIds: number[];
  departmentIds: number[];
  agentIds: number[];
  firstCustomerUserId: number;
}

const intArray = (values: number[]) => `array[${values.join(',')}]::bigint[]`;

/**
 * Tickets lo..hi (id = seq = g; g = tickets is the newest). The search document and keys are
 * computed here with the very expressions of the trigger tickets_search_document(), which the
 * seed then checks against the trigger itself on a sample.
 */
export function ticketsSql(s: SeedShape, refs: TicketRefs, lo: number, hi: number): string {
  const n = s.tickets;
  const span = s.spanDays * 86400;
  const active = `status in ('new', 'open', 'pending')`;
  return `insert into tickets (org_id, id, seq, number, subject, description, status, priority, category_id, department_id,
      assignee_id, reporter_id, customer_user_id, customer_id, channel, source, order_number, transaction_ref, tags,
      pending_reason, waiting_on, resolved_by, resolution, close_reason, first_response_due_at, resolution_due_at, escalation_at,
      first_responded_at, created_at, updated_at, resolved_at, closed_at, search, search_keys)
    overriding system value
    select ${s.orgId}, x.g, x.g, x.number, x.subject, x.description, x.status, x.priority, x.category_id, x.department_id,
      x.assignee_id, x.reporter_id, cu.id, cu.customer_id, x.channel, x.source, x.order_number, x.transaction_ref, x.tags,
      x.pending_reason, x.waiting_on, x.resolved_by, x.resolution, x.close_reason, x.first_response_due_at, x.resolution_due_at,
      x.escalation_at, x.first_responded_at, x.created_at,
      greatest(x.created_at, x.first_responded_at, x.resolved_at, x.closed_at), x.resolved_at, x.closed_at,
      setweight(to_tsvector('simple', concat_ws(' ', x.number, x.subject)), 'A') ||
        setweight(to_tsvector('simple', concat_ws(' ', cu.name, cu.email, x.order_number, x.transaction_ref)), 'B') ||
        setweight(to_tsvector('simple', left(x.description, 200000)), 'C'),
      lower(concat_ws(' ', x.number, x.order_number, x.transaction_ref, cu.email, cu.phone_normalized))
    from (
      select b.*,
        case when b.status in ('resolved', 'closed') then b.created_at + (1 + b.h4 % 72) * interval '1 hour' end as resolved_at,
        case when b.status = 'closed' then b.created_at + (1 + b.h4 % 72) * interval '1 hour'
          + case when b.close_reason = 'auto' then interval '7 days' else interval '2 days' end end as closed_at,
        case when b.status <> 'new' then least(b.created_at + (5 + b.h4 % 240) * interval '1 minute', ${ts(s.now)}) end as first_responded_at,
        case when b.status = 'pending' then 'Waiting for photos of the damage' end as pending_reason,
        case when b.status = 'pending' then 'customer' end as waiting_on,
        case when b.status in ('resolved', 'closed') then coalesce(b.assignee_id::text, 'customer') end as resolved_by,
        case when b.status in ('resolved', 'closed') then ${pick(words.resolutions, 21, 'b.g')} end as resolution,
        b.created_at + interval '4 hours' as first_response_due_at,
        b.created_at + interval '5 days' as resolution_due_at,
        b.created_at + interval '3 days' as escalation_at
      from (
        select a.*,
          to_char(a.created_at at time zone 'UTC', 'YYYY') || case when a.g < 10000 then lpad(a.g::text, 4, '0') else a.g::text end as number,
          ${pick(words.subjects, 11, 'a.g')} || ' (' || a.product || ')' as subject,
          concat_ws(' ', 'My ' || a.product || ' order.', ${pick(words.sentences, 12, 'a.g')}, ${pick(words.sentences, 13, 'a.g')},
            case when a.h5 % 4 > 0 then ${pick(words.sentences, 14, 'a.g')} end,
            case when a.h5 % 4 > 1 then ${pick(words.sentences, 15, 'a.g')} end,
            case when a.h5 % 4 > 2 then ${pick(words.sentences, 16, 'a.g')} end,
            case when a.g % 10 = 7 then ${literal(words.commonSentence)} end,
            case when a.g = any(${intArray(rareTicketSeqs(n))}) then ${literal(words.rareSentence)} end,
            ${pick(words.sentences, 17, 'a.g')}) as description,
          case
            when a.p < 0.015 then (array['new', 'open', 'open', 'pending'])[1 + a.h1 % 4]
            when a.p < 0.04 then case when a.h1 % 10 < 2 then (array['open', 'pending'])[1 + a.h2 % 2] when a.h1 % 10 < 5 then 'resolved' else 'closed' end
            else case when a.h1 % 100 < 3 then 'resolved' else 'closed' end
          end as status,
          case when a.h2 % 100 < 20 then 'low' when a.h2 % 100 < 75 then 'medium' when a.h2 % 100 < 95 then 'high' else 'urgent' end as priority,
          (${intArray(refs.categoryIds)})[1 + a.h3 % ${refs.categoryIds.length}] as category_id,
          case when a.h4 % 10 < 6 then (${intArray(refs.departmentIds)})[1 + a.h4 % ${refs.departmentIds.length}] end as department_id,
          case when a.h6 % 10 < 7 then (${intArray(refs.agentIds)})[1 + a.h6 % ${refs.agentIds.length}] end as assignee_id,
          case when a.channel in ('phone', 'in_store') then (${intArray(refs.agentIds)})[1 + a.h7 % ${refs.agentIds.length}] end as reporter_id,
          case when a.h8 % 100 < 95
            then ${refs.firstCustomerUserId} + floor(${s.customerUsers} * power((a.h9 % 1000000)::float8 / 1000000, 2))::bigint end as cu_id,
          case a.channel
            when 'review' then (array['google', 'facebook', 'tripadvisor'])[1 + a.h7 % 3]
            when 'marketplace' then (array['ebay', 'amazon', 'b2b', 'website'])[1 + a.h7 % 4]
            else '' end as source,
          case when a.h8 % 100 < 60 then 'ORD-' || to_char(a.g::bigint * 37 % 99999989 + 1, 'FM00000000') end as order_number,
          case when a.h9 % 100 < 25 then 'TX' || to_char(a.g, 'FM000000000') end as transaction_ref,
          case a.h5 % 20 when 0 then array['vip'] when 1 then array['repeat', 'escalated'] else '{}'::text[] end as tags,
          case when a.h1 % 100 < 12 then 'auto' when a.h1 % 100 < 15 then 'rejected' else 'manual' end as close_reason_if_closed
        from (
          select g, (${n} - g)::float8 / ${n} as p,
            date_trunc('milliseconds', ${ts(s.now)} - ((${n} - g)::float8 * ${span} / ${n} + 60) * interval '1 second') as created_at,
            ${h(1)} as h1, ${h(2)} as h2, ${h(3)} as h3, ${h(4)} as h4, ${h(5)} as h5, ${h(6)} as h6, ${h(7)} as h7, ${h(8)} as h8, ${h(9)} as h9,
            ${pick(words.productWords, 10)} as product,
            case
              when ${h(20)} % 100 < 25 then 'web' when ${h(20)} % 100 < 55 then 'email' when ${h(20)} % 100 < 70 then 'phone'
              when ${h(20)} % 100 < 75 then 'in_store' when ${h(20)} % 100 < 80 then 'review' when ${h(20)} % 100 < 95 then 'marketplace'
              when ${h(20)} % 100 < 98 then 'api' else 'chat' end as channel
          from generate_series(${lo}, ${hi}) g
        ) a
      ) b0
      cross join lateral (select b0.*, case when b0.status = 'closed' then b0.close_reason_if_closed end as close_reason) b
    ) x
    left join customer_users cu on cu.org_id = ${s.orgId} and cu.id = x.cu_id
    order by x.g`;
}

/**
 * History, about five events a ticket as the app writes them (reports read it): created; the
 * automatic assignment; the first agent reply with its measures (target 4 h); a customer note on
 * every third; on every twentieth resolved one a first resolution and a reopen; the resolution by
 * the assignee or the customer with its measures (target 5 days); the close (auto or manual); an
 * escalation on every fiftieth still open after three days.
 */
export function eventsSql(s: SeedShape): string {
  const secs = (a: string, b: string) => `floor(extract(epoch from ${b} - ${a}))::bigint`;
  const firstResponse = secs('t.created_at', 't.first_responded_at');
  const resolution = secs('t.created_at', 't.resolved_at');
  const agent = `coalesce(t.assignee_id, (select min(id) from agents where org_id = t.org_id and role = 'agent'))`;
  return `insert into ticket_events (org_id, ticket_id, type, actor_kind, actor_id, actor_name, before, after, measures, created_at)
    select t.org_id, t.id, e.type, e.actor_kind, e.actor_id, e.actor_name, e.before, e.after, e.measures, e.at
    from tickets t
    cross join lateral (values
      ('created', 'system', null::bigint, 'Bench seed', null::jsonb,
        jsonb_build_object('number', t.number, 'status', 'new', 'priority', t.priority, 'channel', t.channel), null::jsonb, t.created_at),
      (case when t.assignee_id is not null then 'assigned' end, 'system', null, 'Automatic assignment', null,
        jsonb_build_object('assignee', jsonb_build_object('id', t.assignee_id), 'auto', true), null, t.created_at + interval '1 minute'),
      (case when t.first_responded_at is not null then 'replied' end, 'agent', ${agent}, 'Agent', null,
        jsonb_build_object('visibility', 'public'),
        jsonb_build_object('first_response_seconds', ${firstResponse}, 'first_response_seconds_over', ${firstResponse} - 14400), t.first_responded_at),
      (case when t.id % 3 = 0 then 'note_added' end, 'customer', null, 'Customer', null, jsonb_build_object('visibility', 'public'), null, t.created_at + interval '30 minutes'),
      (case when t.resolved_at is not null and t.id % 20 = 3 then 'resolved' end, 'agent', ${agent}, 'Agent', jsonb_build_object('status', 'open'),
        jsonb_build_object('status', 'resolved'), jsonb_build_object('resolution_seconds', 1200, 'resolution_seconds_over', 1200 - 432000), t.created_at + interval '20 minutes'),
      (case when t.resolved_at is not null and t.id % 20 = 3 then 'reopened' end, 'customer', null, 'Customer', jsonb_build_object('status', 'resolved'),
        jsonb_build_object('status', 'open'), null, t.created_at + interval '40 minutes'),
      (case when t.resolved_at is not null then 'resolved' end,
        case when t.resolved_by = 'customer' then 'customer' else 'agent' end,
        case when t.resolved_by = 'customer' then null else ${agent} end,
        case when t.resolved_by = 'customer' then 'Customer' else 'Agent' end,
        jsonb_build_object('status', 'open'), jsonb_build_object('status', 'resolved'),
        jsonb_build_object('resolution_seconds', ${resolution}, 'resolution_seconds_over', ${resolution} - 432000), t.resolved_at),
      (case when t.status = 'closed' then 'closed' end, case when t.close_reason = 'auto' then 'system' else 'agent' end,
        case when t.close_reason = 'auto' then null else ${agent} end, case when t.close_reason = 'auto' then 'System' else 'Agent' end,
        jsonb_build_object('status', 'resolved'), jsonb_build_object('status', 'closed', 'close_reason', t.close_reason), null, t.closed_at),
      (case when t.id % 50 = 7 and (t.resolved_at is null or t.resolved_at > t.escalation_at) and t.escalation_at < ${ts(s.now)} then 'escalated' end,
        'system', null, 'System', jsonb_build_object('escalation_level', 0), jsonb_build_object('escalation_level', 1), null, t.escalation_at)
    ) as e(type, actor_kind, actor_id, actor_name, before, after, measures, at)
    where t.org_id = ${s.orgId} and e.type is not null
    order by t.id, e.at`;
}

/** A conversation of two messages on every tenth ticket. */
export function messagesSql(s: SeedShape): string {
  return `insert into messages (org_id, ticket_id, kind, visibility, author_kind, author_id, author_name, body, created_at)
    select t.org_id, t.id, m.kind, m.visibility, m.author_kind, m.author_id, m.author_name, m.body, t.created_at + m.delay
    from tickets t
    cross join lateral (values
      ('reply', 'public', 'customer', null::bigint, 'Customer', ${pick(words.messageBodies, 30, 't.id')}, interval '10 minutes'),
      (case when t.id % 20 = 0 then 'note' else 'reply' end, case when t.id % 20 = 0 then 'internal' else 'public' end, 'agent', t.assignee_id,
       'Agent', ${pick(words.messageBodies, 31, 't.id')}, interval '2 hours')
    ) as m(kind, visibility, author_kind, author_id, author_name, body, delay)
    where t.org_id = ${s.orgId} and t.id % 10 = 0 and (m.author_kind = 'customer' or t.assignee_id is not null)
    order by t.id`;
}

/** The maintained counters, rebuilt in one statement (slot 0). */
export function rebuildCountsSql(orgId: number): string {
  return `insert into ticket_counts (org_id, bucket, channel, source, slot, n)
    select org_id, ticket_bucket(status, close_reason), channel, source, 0, count(*)
    from tickets where org_id = ${orgId} group by 1, 2, 3, 4`;
}

/** Counters against a recount: every (bucket, channel, source) must agree. */
export function countsCheckSql(orgId: number): string {
  return `with c as (select bucket, channel, source, sum(n)::bigint as n from ticket_counts where org_id = ${orgId} group by 1, 2, 3),
      r as (select ticket_bucket(status, close_reason) as bucket, channel, source, count(*)::bigint as n from tickets where org_id = ${orgId} group by 1, 2, 3)
    select count(*) filter (where coalesce(c.n, 0) <> coalesce(r.n, 0))::int as mismatches,
           coalesce(sum(r.n), 0)::bigint as recount, coalesce(sum(c.n), 0)::bigint as counted
    from c full join r using (bucket, channel, source)`;
}
