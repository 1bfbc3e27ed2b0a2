import type { MailOrigin, MailProblem } from '../../contract/inbound-mail.ts';
import type { Attachment, Message, Ticket, TicketEvent } from '../../contract/tickets.ts';
import { iso, isoOrNull } from '../platform/dto.ts';
import type { NameBook, NeededNames } from './staff-names.ts';
import type { TicketRow } from './tickets.repository.ts';

const refOf = (id: number | null, name: string | null | undefined) => (id !== null && name != null ? { id, name } : null);
const named = (names: Map<number, string>, id: number | null) => refOf(id, id === null ? null : names.get(id));

/** The names the rows refer to, for the name book. */
export const namesNeeded = (rows: TicketRow[]): NeededNames => ({
  agents: rows.flatMap((t) => [t.assignee_id, t.reporter_id, t.locked_by]),
  departments: rows.flatMap((t) => [t.department_id, t.requested_department_id]),
  categories: rows.map((t) => t.category_id),
});
const active = new Set(['new', 'open', 'pending']);

export function toTicket(t: TicketRow, names: NameBook, now: Date): Ticket {
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    description: t.description,
    status: t.status,
    priority: t.priority,
    category: named(names.categories, t.category_id),
    department: named(names.departments, t.department_id),
    assignee: named(names.agents, t.assignee_id),
    reporter: named(names.agents, t.reporter_id),
    customer_user:
      t.customer_user_id !== null && t.customer_user_name !== null
        ? {
            id: t.customer_user_id,
            name: t.customer_user_name,
            email: t.customer_user_email,
            phone: t.customer_user_phone,
            bounced_at: isoOrNull(t.customer_user_bounced_at),
            bounce_reason: t.customer_user_bounce_reason,
          }
        : null,
    customer: refOf(t.customer_id, t.customer_name),
    channel: t.channel as Ticket['channel'],
    source: t.source === '' ? null : t.source,
    order_number: t.order_number,
    transaction_ref: t.transaction_ref,
    review_ref: t.review_ref,
    review: t.review_rating !== null ? { rating: t.review_rating, url: t.review_url } : null,
    order_items: t.order_items,
    external_id: t.external_id,
    purchase:
      t.purchase_store !== null || t.purchase_amount !== null || t.purchased_at !== null
        ? { store: t.purchase_store, amount: t.purchase_amount, currency: t.purchase_currency, purchased_at: isoOrNull(t.purchased_at) }
        : null,
    custom_fields: t.custom_fields,
    tags: t.tags,
    locked_by: named(names.agents, t.locked_by),
    locked_at: isoOrNull(t.locked_at),
    pending_reason: t.pending_reason,
    waiting_on: t.waiting_on,
    pending_until: isoOrNull(t.pending_until),
    resolved_by: t.resolved_by,
    resolution: t.resolution,
    resolution_kind: t.resolution_kind,
    close_reason: t.close_reason,
    first_response_due_at: isoOrNull(t.first_response_due_at),
    next_response_due_at: isoOrNull(t.next_response_due_at),
    resolution_due_at: isoOrNull(t.resolution_due_at),
    escalation_at: isoOrNull(t.escalation_at),
    escalation_level: t.escalation_level,
    is_overdue: active.has(t.status) && t.escalation_at !== null && t.escalation_at.getTime() < now.getTime(),
    first_responded_at: isoOrNull(t.first_responded_at),
    verification_state: t.verification_state,
    mail: mailOrigin(t.number, t.inbound_mail_id, t.mail_unreadable),
    requested_department: named(names.departments, t.requested_department_id),
    created_at: iso(t.created_at),
    updated_at: iso(t.updated_at),
    resolved_at: isoOrNull(t.resolved_at),
    closed_at: isoOrNull(t.closed_at),
    version: t.version,
  };
}

interface MessageRow {
  id: number;
  kind: Message['kind'];
  visibility: Message['visibility'];
  author_kind: Message['author']['kind'];
  author_id: number | null;
  author_name: string;
  body: string;
  inbound_mail_id: number | null;
  mail_unreadable: MailProblem | null;
  created_at: Date;
}

interface AttachmentRow {
  id: number;
  filename: string;
  content_type: string;
  size_bytes: number | string;
}

/** Stored rows passed the type check on upload, so their type is one of the accepted ones. */
export const toAttachment = (number: string, a: AttachmentRow): Attachment => ({
  id: a.id,
  filename: a.filename,
  content_type: a.content_type as Attachment['content_type'],
  size_bytes: Number(a.size_bytes),
  url: `/api/v1/tickets/${encodeURIComponent(number)}/attachments/${a.id}`,
});

/** A ticket's or message's mail: the original is downloaded through the ticket, so only those who see the ticket get it. */
const mailOrigin = (number: string, inboundMailId: number | null, unreadable: MailProblem | null): MailOrigin | null =>
  inboundMailId === null ? null : { unreadable, raw_url: `/api/v1/tickets/${encodeURIComponent(number)}/mails/${inboundMailId}/raw` };

export const toMessage = (number: string, m: MessageRow, attachments: Attachment[] = []): Message => ({
  id: m.id,
  kind: m.kind,
  visibility: m.visibility,
  author: { kind: m.author_kind, id: m.author_id, name: m.author_name },
  body: m.body,
  attachments,
  mail: mailOrigin(number, m.inbound_mail_id, m.mail_unreadable),
  created_at: iso(m.created_at),
});

interface EventRow {
  id: number;
  type: string;
  actor_kind: TicketEvent['actor']['kind'];
  actor_id: number | null;
  actor_name: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  created_at: Date;
}

export const toEvent = (e: EventRow): TicketEvent => ({
  id: e.id,
  type: e.type,
  actor: { kind: e.actor_kind, id: e.actor_id, name: e.actor_name },
  before: e.before,
  after: e.after,
  created_at: iso(e.created_at),
});
