import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { TicketWidget } from '../../contract/cic.ts';
import type { DB } from '../platform/db/schema.ts';
import { selectTickets } from '../tickets/tickets.repository.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { searchFilter, type SearchTerm } from '../customers/folded-search.ts';

export type { SearchTerm };

/** Whose tickets a dashboard shows: a customer's (by `customer_id`) or a customer user's. */
export type Subject = { kind: 'customer' | 'customer_user'; id: number };

/** Customers by name or customer id (folded), in id order after `afterId`; `limit + 1` rows. */
export async function searchCustomerHits(db: Db, orgId: number, term: SearchTerm, limit: number, afterId: number) {
  let q = db.selectFrom('customers as c').select(['c.id', 'c.name', 'c.customer_code']).where('c.org_id', '=', orgId).where('c.id', '>', afterId);
  if (term) {
    const filter = await searchFilter(db, 'customers', 'c', orgId, term, limit, afterId);
    if (!filter) return [];
    q = q.where(filter);
  }
  return q.orderBy('c.id').limit(limit + 1).execute();
}

/** Customer users by name, email, loyalty id (folded) or normalized phone, with their customer's name; `limit + 1` rows. */
export async function searchCustomerUserHits(db: Db, orgId: number, term: SearchTerm, limit: number, afterId: number) {
  let q = db
    .selectFrom('customer_users as cu')
    .leftJoin('customers as c', (j) => j.onRef('c.org_id', '=', 'cu.org_id').onRef('c.id', '=', 'cu.customer_id'))
    .select(['cu.id', 'cu.name', 'cu.email', 'cu.phone', 'cu.is_valid', 'cu.customer_id', 'c.name as customer_name'])
    .where('cu.org_id', '=', orgId)
    .where('cu.id', '>', afterId);
  if (term) {
    const filter = await searchFilter(db, 'customer_users', 'cu', orgId, term, limit, afterId);
    if (!filter) return [];
    q = q.where(filter);
  }
  return q.orderBy('cu.id').limit(limit + 1).execute();
}

type TicketEB = ExpressionBuilder<DB & { t: DB['tickets'] }, 't'>;

const subjectCondition = (eb: TicketEB, subject: Subject) =>
  subject.kind === 'customer' ? eb('t.customer_id', '=', subject.id) : eb('t.customer_user_id', '=', subject.id);

/** The subject's tickets by status, in one query over the (org_id, customer[_user]_id) index. */
export const countSubjectTickets = (db: Db, orgId: number, subject: Subject) =>
  db
    .selectFrom('tickets as t')
    .select(['t.status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('t.org_id', '=', orgId)
    .where((eb) => subjectCondition(eb, subject))
    .groupBy('t.status')
    .execute();

/** Customer users (a customer's, or the one) with their active and finished ticket counts, in one query. */
export function listCustomerUserRows(db: Db, orgId: number, subject: Subject, limit: number) {
  return db
    .selectFrom((qb) => {
      const users = qb.selectFrom('customer_users').select(['org_id', 'id', 'name', 'email', 'phone', 'is_valid', 'bounced_at', 'bounce_reason']).where('org_id', '=', orgId);
      return (subject.kind === 'customer' ? users.where('customer_id', '=', subject.id) : users.where('id', '=', subject.id)).orderBy('id').limit(limit).as('cu');
    })
    .leftJoinLateral(
      (qb) =>
        qb
          .selectFrom('tickets as t')
          .select((eb) => [
            eb.fn.countAll<string>().filterWhere('t.status', 'in', ['new', 'open', 'pending']).as('open_tickets'),
            eb.fn.countAll<string>().filterWhere('t.status', 'in', ['resolved', 'closed']).as('closed_tickets'),
          ])
          .whereRef('t.org_id', '=', 'cu.org_id')
          .whereRef('t.customer_user_id', '=', 'cu.id')
          .as('c'),
      (j) => j.onTrue(),
    )
    .select(['cu.id', 'cu.name', 'cu.email', 'cu.phone', 'cu.is_valid', 'cu.bounced_at', 'cu.bounce_reason', 'c.open_tickets', 'c.closed_tickets'])
    .orderBy('cu.id')
    .execute();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** What each ticket widget shows, and the order it shows it in. */
export const widgetSorts: Record<TicketWidget, { column: 't.pending_until' | 't.escalation_at' | 't.created_at'; descending: boolean }> = {
  reminder: { column: 't.pending_until', descending: false },
  escalated: { column: 't.escalation_at', descending: false },
  new: { column: 't.created_at', descending: true },
  open: { column: 't.created_at', descending: true },
};

function widgetCondition(eb: TicketEB, widget: TicketWidget, now: Date): Expression<SqlBool> {
  switch (widget) {
    case 'reminder':
      return eb.and([eb('t.status', '=', 'pending'), eb('t.pending_until', '<=', new Date(now.getTime() + DAY_MS))]);
    case 'escalated':
      return eb.and([eb('t.status', 'not in', ['resolved', 'closed']), eb('t.escalation_at', '<', now)]);
    default:
      return eb('t.status', '=', widget);
  }
}

/** The agent's own locks, or tickets of the departments the agent is a member of. */
const lockedBy = (eb: TicketEB, agentId: number) => eb('t.locked_by', '=', agentId);
const inDepartmentsOf = (eb: TicketEB, orgId: number, agentId: number) =>
  eb('t.department_id', 'in', eb.selectFrom('department_members').select('department_id').where('org_id', '=', orgId).where('agent_id', '=', agentId));

export interface WidgetScope {
  orgId: number;
  subject: Subject;
  widget: TicketWidget;
  now: Date;
}

/** The widget's total under each filter in one query; the agent's own filters only for an agent. */
export async function countWidget(db: Db, scope: WidgetScope, agentId: number | null) {
  const row = await db
    .selectFrom('tickets as t')
    .where('t.org_id', '=', scope.orgId)
    .where((eb) => subjectCondition(eb, scope.subject))
    .where((eb) => widgetCondition(eb, scope.widget, scope.now))
    .select((eb) => [
      eb.fn.countAll<string>().as('all'),
      ...(agentId === null
        ? []
        : [
            eb.fn.countAll<string>().filterWhere(lockedBy(eb, agentId)).as('my_locked'),
            eb.fn.countAll<string>().filterWhere(inDepartmentsOf(eb, scope.orgId, agentId)).as('my_departments'),
          ]),
    ])
    .executeTakeFirstOrThrow();
  const r = row as { all: string; my_locked?: string; my_departments?: string };
  return { my_locked: Number(r.my_locked ?? 0), my_departments: Number(r.my_departments ?? 0), all: Number(r.all) };
}

/** One page of the widget's tickets (`limit + 1` rows) after the keyset `after`, as the ticket DTO reads them. */
export function pageWidget(
  db: Db,
  scope: WidgetScope,
  filter: { lockedBy?: number; departmentsOf?: number },
  limit: number,
  after: { value: string; id: number } | null,
) {
  const { column, descending } = widgetSorts[scope.widget];
  let q = selectTickets(db, scope.orgId)
    .where((eb) => subjectCondition(eb, scope.subject))
    .where((eb) => widgetCondition(eb, scope.widget, scope.now));
  if (filter.lockedBy !== undefined) q = q.where((eb) => lockedBy(eb, filter.lockedBy as number));
  if (filter.departmentsOf !== undefined) q = q.where((eb) => inDepartmentsOf(eb, scope.orgId, filter.departmentsOf as number));
  if (after) {
    const op = sql.raw(descending ? '<' : '>');
    q = q.where(sql<SqlBool>`(${sql.ref(column)}, t.id) ${op} (${after.value}::timestamptz, ${after.id}::bigint)`);
  }
  const direction = descending ? 'desc' : 'asc';
  return q.orderBy(column, direction).orderBy('t.id', direction).limit(limit + 1).execute();
}
