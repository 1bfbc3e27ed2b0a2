import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ListTicketsQuery, StatsQuery } from '../../contract/tickets.ts';
import { normalizePhone } from '../customers/phone.ts';
import { escapeLike } from '../customers/wildcard.ts';
import type { Actor } from '../platform/actor.ts';
import type { DB } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import type { TicketFieldType } from '../../contract/ticket-fields.ts';

type EB = ExpressionBuilder<DB & { t: DB['tickets'] }, 't'>;

export interface QueryContext {
  actor: Actor;
  now: Date;
  timeZone: string;
  /** The workspace's country, for phone numbers typed without their country code. */
  phoneCountry: string | null;
  /** The type of each ticket field a `field` filter names. */
  fieldTypes?: ReadonlyMap<string, TicketFieldType>;
}

/** One `field=key:value` filter as SQL, by the field's type (the values' GIN index serves the exact ones). */
function fieldCondition(eb: EB, key: string, value: string, type: TicketFieldType | undefined): Expression<SqlBool> {
  const contains = (doc: unknown) => sql<SqlBool>`t.custom_fields @> ${JSON.stringify({ [key]: doc })}::jsonb`;
  switch (type) {
    case 'text':
    case 'long_text': {
      const like = `%${escapeLike(value)}%`;
      const exact = eb(sql`t.custom_fields ->> ${key}`, 'ilike', like);
      // The values' text, as the trigram index holds it, narrows first; JSON writes " and \ escaped, so a value with them is read field by field only.
      return /["\\\u0000-\u001f]/.test(value) ? exact : eb.and([eb(sql`t.custom_fields::text`, 'ilike', like), exact]);
    }
    case 'multi_select':
      return contains([value]);
    case 'checkbox':
      return value === 'true' ? contains(true) : eb.not(contains(true));
    case 'number':
      return contains(Number(value));
    default:
      return contains(value);
  }
}

const activeStatuses = ['new', 'open', 'pending'] as const;

function meOf(actor: Actor, field: string): number {
  if (actor.kind !== 'agent') {
    throw new AppError('validation_error', `${field}=me needs a signed-in agent`, [{ field: `querystring.${field}`, message: 'needs an agent session' }]);
  }
  return actor.agentId;
}

export function overdueCondition(eb: EB, now: Date): Expression<SqlBool> {
  return eb.and([eb('t.status', 'in', activeStatuses), eb('t.escalation_at', '<', now)]);
}

function statusCondition(eb: EB, status: string, now: Date): Expression<SqlBool> {
  switch (status) {
    case 'overdue':
      return overdueCondition(eb, now);
    case 'auto_closed':
      return eb.and([eb('t.status', '=', 'closed'), eb('t.close_reason', '=', 'auto')]);
    case 'closed':
      return eb.and([eb('t.status', '=', 'closed'), eb.or([eb('t.close_reason', 'is', null), eb('t.close_reason', '!=', 'auto')])]);
    default:
      return eb('t.status', '=', status as 'new');
  }
}

/** A date (YYYY-MM-DD) is a day in the workspace's time zone; a timestamp is taken as given. */
function bound(value: string, timeZone: string, endOfDay: boolean) {
  if (value.length === 10) {
    return endOfDay
      ? sql<Date>`((${value}::date + 1)::timestamp at time zone ${timeZone})`
      : sql<Date>`(${value}::date::timestamp at time zone ${timeZone})`;
  }
  return sql<Date>`${value}::timestamptz`;
}

/** The full-text query: words as typed (websearch syntax: "phrases", or, -not). */
export const textQuery = (q: string) => sql`websearch_to_tsquery('simple', ${q})`;

/** Every list/stats filter of DESIGN.md §4 as one condition on `t`. */
export function ticketFilters(eb: EB, f: StatsQuery, ctx: QueryContext): Expression<SqlBool> {
  const orgId = ctx.actor.orgId;
  const c: Expression<SqlBool>[] = [];
  if (f.status) c.push(eb.or(f.status.map((s) => statusCondition(eb, s, ctx.now))));
  if (f.priority) c.push(eb('t.priority', 'in', f.priority));
  if (f.department) c.push(eb('t.department_id', 'in', f.department));
  if (f.category) c.push(eb('t.category_id', 'in', f.category));
  if (f.channel) c.push(eb('t.channel', 'in', f.channel));
  if (f.source) c.push(eb('t.source', 'in', f.source));
  if (f.assignee !== undefined) {
    if (f.assignee === 'none') c.push(eb('t.assignee_id', 'is', null));
    else c.push(eb('t.assignee_id', '=', f.assignee === 'me' ? meOf(ctx.actor, 'assignee') : f.assignee));
  }
  if (f.locked_by !== undefined) c.push(eb('t.locked_by', '=', f.locked_by === 'me' ? meOf(ctx.actor, 'locked_by') : f.locked_by));
  if (f.my_departments) {
    const me = meOf(ctx.actor, 'my_departments');
    c.push(
      eb(
        't.department_id',
        'in',
        eb.selectFrom('department_members').select('department_id').where('org_id', '=', orgId).where('agent_id', '=', me),
      ),
    );
  }
  if (f.customer_user_id) c.push(eb('t.customer_user_id', '=', f.customer_user_id));
  if (f.customer_id) c.push(eb('t.customer_id', '=', f.customer_id));
  if (f.phone) {
    const phone = normalizePhone(f.phone, ctx.phoneCountry);
    c.push(
      eb('t.customer_user_id', 'in', eb.selectFrom('customer_users').select('id').where('org_id', '=', orgId).where('phone_normalized', '=', phone)),
    );
  }
  if (f.email) {
    c.push(
      eb(
        't.customer_user_id',
        'in',
        eb.selectFrom('customer_users').select('id').where('org_id', '=', orgId).where(sql<boolean>`lower(email) = ${f.email.toLowerCase()}`),
      ),
    );
  }
  if (f.number) c.push(eb('t.number', '=', f.number));
  if (f.order_number) c.push(eb('t.order_number', '=', f.order_number));
  if (f.transaction_ref) c.push(eb('t.transaction_ref', '=', f.transaction_ref));
  if (f.verification) c.push(eb('t.verification_state', 'in', f.verification));
  for (const { key, value } of f.field ?? []) c.push(fieldCondition(eb, key, value, ctx.fieldTypes?.get(key)));
  if (f.created_from) c.push(eb('t.created_at', '>=', bound(f.created_from, ctx.timeZone, false)));
  if (f.created_to) c.push(eb('t.created_at', '<', bound(f.created_to, ctx.timeZone, true)));
  if (f.q) {
    // Partial numbers, order refs, emails and phones match inside the keys; words go to full text only,
    // so a common word does not also scan every ticket's keys.
    const isIdentifier = /[\d@+]/.test(f.q);
    const like = `%${escapeLike(f.q.toLowerCase())}%`;
    const words = sql<SqlBool>`t.search @@ ${textQuery(f.q)}`;
    c.push(isIdentifier ? eb.or([words, eb('t.search_keys', 'like', like)]) : words);
  }
  return eb.and(c);
}

/** Filters that the maintained counters can answer (status buckets, channel, source). */
export function isCounterQuery(f: StatsQuery): boolean {
  const other = Object.entries(f).filter(([k, v]) => v !== undefined && !['status', 'channel', 'source'].includes(k));
  return other.length === 0 && !(f.status ?? []).includes('overdue');
}

export type SortSpec = { key: 'created_at' | 'updated_at' | 'number' | 'priority' | 'due' | 'relevance'; descending: boolean };

export function parseSort(query: ListTicketsQuery): SortSpec {
  if (!query.sort) return query.q ? { key: 'relevance', descending: true } : { key: 'created_at', descending: true };
  const descending = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as SortSpec['key'];
  if (key === 'relevance') {
    if (!query.q) throw new AppError('validation_error', 'sort=relevance needs q', [{ field: 'querystring.sort', message: 'relevance needs q' }]);
    return { key, descending: true };
  }
  return { key, descending };
}
