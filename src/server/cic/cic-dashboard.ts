import type { z } from 'zod';
import type { CicDashboard, TicketWidget, WidgetPage, widgetQuery } from '../../contract/cic.ts';
import { statuses } from '../../contract/tickets.ts';
import { getCustomer, getCustomerUser } from '../customers/customers.service.ts';
import type { Actor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { iso } from '../platform/dto.ts';
import { AppError } from '../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../platform/http/cursor.ts';
import { namesNeeded, toTicket } from '../tickets/ticket-dto.ts';
import { namesFor } from '../tickets/staff-names.ts';
import { countSubjectTickets, countWidget, listCustomerUserRows, pageWidget, widgetSorts, type Subject } from './cic.repository.ts';

/** The Customer users widget shows this many; more are found with the search. */
export const CUSTOMER_USERS_SHOWN = 100;

/** The dashboard's subject as the API shows it; 404 when it is not in the workspace. */
async function describeSubject(deps: Deps, orgId: number, subject: Subject): Promise<CicDashboard['subject']> {
  if (subject.kind === 'customer') {
    const c = await getCustomer(deps, orgId, subject.id);
    return { kind: 'customer', id: c.id, name: c.name, customer_code: c.customer_code };
  }
  const u = await getCustomerUser(deps, orgId, subject.id);
  const customer = u.customer_id === null ? null : await getCustomer(deps, orgId, u.customer_id);
  return { kind: 'customer_user', id: u.id, name: u.name, customer: customer && { id: customer.id, name: customer.name } };
}

/** The dashboard's frame: who it is about, their tickets by status, and the Customer users widget. */
export async function getDashboard(deps: Deps, orgId: number, subject: Subject): Promise<CicDashboard> {
  const described = await describeSubject(deps, orgId, subject);
  const [counts, users] = await Promise.all([countSubjectTickets(deps.db, orgId, subject), listCustomerUserRows(deps.db, orgId, subject, CUSTOMER_USERS_SHOWN)]);
  const byStatus = new Map(counts.map((r) => [r.status, Number(r.n)]));
  return {
    subject: described,
    status_counts: Object.fromEntries(statuses.map((s) => [s, byStatus.get(s) ?? 0])) as CicDashboard['status_counts'],
    customer_users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      phone: u.phone,
      valid: u.is_valid,
      bounced_at: u.bounced_at ? iso(u.bounced_at) : null,
      bounce_reason: u.bounce_reason,
      open_tickets: Number(u.open_tickets ?? 0),
      closed_tickets: Number(u.closed_tickets ?? 0),
    })),
  };
}

/** my_locked and my_departments are the caller's own: an API key has no "me". */
function agentOf(actor: Actor, filter: string): number {
  if (actor.kind !== 'agent') {
    throw new AppError('validation_error', `filter=${filter} needs a signed-in agent: an API key has no locks or departments of its own; use filter=all`, [
      { field: 'querystring.filter', message: 'needs an agent session' },
    ]);
  }
  return actor.agentId;
}

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

function readCursor(cursor: string): { value: string; id: number } {
  const [value, id] = decodeCursor(cursor);
  if (typeof value !== 'string' || !isoTimestamp.test(value) || Number.isNaN(Date.parse(value)) || !Number.isSafeInteger(id)) {
    throw new AppError('validation_error', 'Malformed cursor: pass next_cursor from a previous page of the same widget unchanged', [
      { field: 'querystring.cursor', message: 'malformed cursor' },
    ]);
  }
  return { value, id };
}

const sortValue = { 't.pending_until': 'pending_until', 't.escalation_at': 'escalation_at', 't.created_at': 'created_at' } as const;

/** One page of a ticket widget under a filter, with every filter tab's count. */
export async function getWidget(deps: Deps, actor: Actor, subject: Subject, widget: TicketWidget, query: z.infer<typeof widgetQuery>): Promise<WidgetPage> {
  const orgId = actor.orgId;
  const filter = query.filter;
  const agentId = filter === 'all' ? null : agentOf(actor, filter);
  const after = query.cursor ? readCursor(query.cursor) : null;
  await describeSubject(deps, orgId, subject);
  const now = deps.clock.now();
  const scope = { orgId, subject, widget, now };
  const [counts, rows] = await Promise.all([
    countWidget(deps.db, scope, actor.kind === 'agent' ? actor.agentId : null),
    pageWidget(deps.db, scope, filter === 'my_locked' ? { lockedBy: agentId ?? undefined } : filter === 'my_departments' ? { departmentsOf: agentId ?? undefined } : {}, query.limit, after),
  ]);
  const page = rows.slice(0, query.limit);
  const names = await namesFor(deps.db, deps.db, orgId, namesNeeded(page));
  const last = page[page.length - 1];
  const key = sortValue[widgetSorts[widget].column];
  return {
    widget,
    filter,
    counts,
    items: page.map((t) => toTicket(t, names, now)),
    next_cursor: rows.length > query.limit ? encodeCursor((last[key] as Date).toISOString(), last.id) : null,
  };
}
