import { customerFieldValues } from '../ticket-fields/ticket-fields.service.ts';
import type { PortalEvent, PortalNote, PortalTicket, PortalTicketSummary } from '../../contract/portal.ts';
import type { Attachment, Ticket } from '../../contract/tickets.ts';
import type { TicketActor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { notFound } from '../platform/errors.ts';
import { decodeCursor, encodeCursor, pageById } from '../platform/http/cursor.ts';
import { listAttachmentsOfMessages } from '../tickets/attachments.repository.ts';
import { allowedMoves } from '../tickets/lifecycle.ts';
import { toAttachment } from '../tickets/ticket-dto.ts';
import { getTicket } from '../tickets/tickets.service.ts';
import type { PortalCustomer } from './portal-sessions.ts';

/** The customer as an actor on their own ticket. */
export const customerActor = (c: PortalCustomer): TicketActor => ({ kind: 'customer', orgId: c.orgId, customerUserId: c.customerUserId, name: c.name });

/** The ticket, only if it is this customer's own; anything else is not found, whatever it is. */
export async function ownTicket(deps: Deps, customer: PortalCustomer, number: string): Promise<Ticket> {
  const ticket = await getTicket(deps, customer.orgId, number).catch(() => null);
  if (!ticket || ticket.customer_user?.id !== customer.customerUserId) throw notFound(`Ticket ${number}`);
  return ticket;
}

/** What the customer may see of a ticket: no internal fields, the agent by display name only. */
export async function toPortalTicket(deps: Deps, orgId: number, t: Ticket): Promise<PortalTicket> {
  const shown = await customerFieldValues(deps, orgId, t.custom_fields);
  const moves = allowedMoves({ status: t.status, waiting_on: t.waiting_on }, 'customer');
  return {
    number: t.number,
    subject: t.subject,
    description: t.description,
    status: t.status,
    priority: t.priority,
    category: t.category?.name ?? null,
    department: t.department?.name ?? null,
    assignee: t.assignee?.name ?? null,
    order_number: t.order_number,
    resolution: t.resolution,
    resolution_kind: t.resolution_kind,
    resolved_by: t.resolved_by === null ? null : t.resolved_by === 'customer' ? 'customer' : 'agent',
    pending_reason: t.status === 'pending' ? t.pending_reason : null,
    created_at: t.created_at,
    updated_at: t.updated_at,
    can_resolve: moves.includes('resolved'),
    can_reopen: t.status === 'resolved' && moves.includes('open'),
    fields: shown.fields.map((f) => ({ ...f, value: shown.values[f.key] })),
  };
}

export async function listOwnTickets(deps: Deps, c: PortalCustomer, page: { limit: number; cursor?: string }): Promise<{ items: PortalTicketSummary[]; next_cursor: string | null }> {
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const rows = await deps.db
    .selectFrom('tickets')
    .select(['id', 'number', 'subject', 'status', 'created_at', 'updated_at'])
    .where('org_id', '=', c.orgId)
    .where('customer_user_id', '=', c.customerUserId)
    .$if(after !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('updated_at', '<', new Date(String(after?.[0]))),
          eb.and([eb('updated_at', '=', new Date(String(after?.[0]))), eb('id', '<', after?.[1] as number)]),
        ]),
      ),
    )
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({ number: r.number, subject: r.subject, status: r.status, created_at: r.created_at.toISOString(), updated_at: r.updated_at.toISOString() })),
    next_cursor: rows.length > page.limit && last ? encodeCursor(last.updated_at.toISOString(), last.id) : null,
  };
}

const portalAttachment = (slug: string, number: string, a: Parameters<typeof toAttachment>[1]): Attachment => ({
  ...toAttachment(number, a),
  url: `/api/v1/portal/${encodeURIComponent(slug)}/tickets/${encodeURIComponent(number)}/attachments/${a.id}`,
});

type Author = PortalNote['author'];
/** Staff by display name; the customer as themself; what the system or an integration wrote, as the workspace. */
function authorOf(kind: string, name: string, workspaceName: string): Author {
  if (kind === 'agent') return { kind: 'agent', name };
  if (kind === 'customer') return { kind: 'customer', name };
  return { kind: 'system', name: workspaceName };
}

/** The public conversation, oldest first; internal notes never leave the server. */
export async function listOwnNotes(deps: Deps, c: PortalCustomer, slug: string, workspaceName: string, ticket: Ticket, page: { limit: number; cursor?: string; afterId?: number }) {
  const afterId = page.afterId ?? (page.cursor ? decodeCursor(page.cursor)[1] : 0);
  const rows = await deps.db
    .selectFrom('messages')
    .select(['id', 'author_kind', 'author_name', 'body', 'created_at'])
    .where('org_id', '=', c.orgId)
    .where('ticket_id', '=', ticket.id)
    .where('visibility', '=', 'public')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(page.limit + 1)
    .execute();
  const attachments = await listAttachmentsOfMessages(deps.db, c.orgId, ticket.id, rows.slice(0, page.limit).map((m) => m.id));
  return pageById(rows, page.limit, (m): PortalNote => ({
    id: m.id,
    author: authorOf(m.author_kind, m.author_name, workspaceName),
    body: m.body,
    attachments: attachments.filter((a) => a.message_id === m.id).map((a) => portalAttachment(slug, ticket.number, a)),
    created_at: m.created_at.toISOString(),
  }));
}

const shownTypes = new Set<string>(['created', 'opened', 'held', 'resumed', 'replied', 'note_added', 'resolved', 'reopened', 'closed']);
const text = (v: unknown) => (typeof v === 'string' ? v : null);

/** The history as the customer sees it: what concerns them, by whom ("Customer" when it was them), nothing internal. */
export async function listOwnHistory(deps: Deps, c: PortalCustomer, workspaceName: string, ticket: Ticket, page: { limit: number; cursor?: string }) {
  const afterId = page.cursor ? decodeCursor(page.cursor)[1] : 0;
  const rows = await deps.db
    .selectFrom('ticket_events')
    .select(['id', 'type', 'actor_kind', 'actor_name', 'after', 'created_at'])
    .where('org_id', '=', c.orgId)
    .where('ticket_id', '=', ticket.id)
    .where('type', 'in', [...shownTypes])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(page.limit + 1)
    .execute();
  // An internal note is no event of the customer's; the page still advances past it.
  const result = pageById(rows, page.limit, (e): PortalEvent | null => {
    const after = e.after ?? {};
    if ((e.type === 'replied' || e.type === 'note_added') && after.visibility !== 'public') return null;
    const actor = e.actor_kind === 'customer' ? { kind: 'customer' as const, name: 'Customer' } : authorOf(e.actor_kind, e.actor_name, workspaceName);
    return {
      id: e.id,
      type: e.type as PortalEvent['type'],
      actor,
      detail: {
        ...(e.type === 'held' ? { reason: text(after.pending_reason) } : {}),
        ...(e.type === 'resolved' ? { resolution: text(after.resolution), resolution_kind: (text(after.resolution_kind) ?? null) as PortalEvent['detail']['resolution_kind'] } : {}),
        ...(e.type === 'closed' ? { resolution: text(after.resolution) } : {}),
      },
      created_at: e.created_at.toISOString(),
    };
  });
  return { items: result.items.filter((e): e is PortalEvent => e !== null), next_cursor: result.next_cursor };
}
