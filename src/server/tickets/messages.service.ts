import type { MailProblem } from '../../contract/inbound-mail.ts';
import type { Attachment, Message, Status, TicketEvent } from '../../contract/tickets.ts';
import { limits } from '../../contract/limits.ts';
import type { TicketActor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { decodeCursor, pageById } from '../platform/http/cursor.ts';
import { AppError, notFound } from '../platform/errors.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { removeQuietly, storeStaged, type StagedFile } from './attachment-files.ts';
import { insertAttachments, listAttachmentsOfMessages, type AttachmentRow } from './attachments.repository.ts';
import { toAttachment, toEvent, toMessage } from './ticket-dto.ts';
import { planTransition } from './lifecycle.ts';
import type { Updateable } from 'kysely';
import type { TicketsTable } from '../platform/db/schema.ts';
import { applySla, writeSla, type SlaChange } from '../sla/apply-sla.ts';
import { eventActorOf, recordEvents, type DomainEvent } from './ticket-events.ts';
import { assertTextSize, loadForChange } from './tickets.service.ts';
import { dueTimesAfter } from './transitions.service.ts';
import { refuseWhileUnverified } from '../verification/verification-rules.ts';
import { findTicketId, insertMessage, listEvents, listMessages, updateTicket, type LockedTicket } from './tickets.repository.ts';

export interface NewMessage {
  body: string;
  visibility: 'public' | 'internal';
}

/**
 * Adds a public reply or an internal note (a customer's message is a public note), with its
 * checked files; the first public agent reply stamps first_responded_at. The files are moved
 * into place inside the transaction and removed again if it does not commit.
 */
export async function addMessage(deps: Deps, actor: TicketActor, number: string, input: NewMessage, ifMatch?: number, files: StagedFile[] = []): Promise<Message> {
  assertTextSize('body', input.body, limits.messageMaxBytes);
  if (actor.kind === 'customer' && input.visibility !== 'public') throw new AppError('forbidden', 'Customers write public notes only');
  const now = deps.clock.now();
  const moved: string[] = [];
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const ticket = await loadForChange(trx, actor, number, ifMatch);
      return appendMessage(deps, trx, actor, ticket, input, files, moved, now);
    });
  } catch (error) {
    await removeQuietly(moved);
    throw error;
  }
}

/**
 * The message itself, on a ticket the caller's transaction holds locked (a request, or a mail
 * read in): its files, the first-response stamp, a customer's reopen, service levels, history.
 */
export async function appendMessage(
  deps: Deps,
  trx: Db,
  actor: TicketActor,
  ticket: LockedTicket,
  input: NewMessage & { mailMessageId?: string | null; inboundMailId?: number; mailUnreadable?: MailProblem | null },
  files: StagedFile[],
  moved: string[],
  now: Date,
): Promise<Message> {
  const author = eventActorOf(actor);
  const isReply = input.visibility === 'public' && actor.kind !== 'customer';
  if (isReply) refuseWhileUnverified(ticket, 'reply to the customer');
  const message = await insertMessage(trx, {
    org_id: actor.orgId,
    ticket_id: ticket.id,
    kind: isReply ? 'reply' : 'note',
    visibility: input.visibility,
    author_kind: author.kind,
    author_id: author.id,
    author_name: author.name,
    body: input.body,
    mail_message_id: input.mailMessageId ?? null,
    inbound_mail_id: input.inboundMailId ?? null,
    mail_unreadable: input.mailUnreadable ?? null,
    created_at: now,
  });
  const attachments = await storeAttachments(trx, deps, { orgId: actor.orgId, ticketId: ticket.id, messageId: message.id, now }, files, moved);
  const firstResponse = isReply && actor.kind === 'agent' && ticket.first_responded_at === null;
  await updateTicket(
    trx,
    actor.orgId,
    ticket.id,
    { ...(firstResponse ? { first_responded_at: now } : {}), ...(actor.kind === 'customer' ? { last_customer_activity_at: now } : {}) },
    now,
  );
  const events: DomainEvent[] = [{ type: isReply ? 'replied' : 'note_added', after: { message_id: message.id, visibility: input.visibility } }];
  let reopenedFrom: Status | null = null;
  let reopen: Updateable<TicketsTable> | null = null;
  // The customer writing again means the ticket needs the team again: waiting or resolved, it is open.
  if (actor.kind === 'customer' && (ticket.status === 'pending' || ticket.status === 'resolved')) {
    const move = planTransition({ status: ticket.status, waiting_on: ticket.waiting_on }, { to: 'open' }, { kind: ticket.status === 'pending' ? 'system' : 'customer' }, now);
    if (move.ok) {
      reopen = { ...move.changes, ...(await dueTimesAfter(trx, ticket, move.changes, true, now)) };
      events.push({ type: move.event, before: { status: ticket.status }, after: { status: 'open', reason: 'customer_note' } });
      reopenedFrom = ticket.status;
    }
  }
  // Service levels: a reopen resumes the clock; an agent's public reply answers, a customer's note waits for one.
  const slaChanges: SlaChange[] = [
    ...(reopenedFrom ? [{ kind: 'status', from: reopenedFrom } as const] : []),
    ...(isReply && actor.kind === 'agent' ? [{ kind: 'agent_reply' } as const] : actor.kind === 'customer' ? [{ kind: 'customer_message' } as const] : []),
  ];
  const sla = slaChanges.length ? await applySla(deps, trx, actor.orgId, { ...ticket, status: reopenedFrom ? 'open' : ticket.status }, slaChanges, now) : {};
  // Reports measure the first response at its reply, in the SLA's time (business hours where its calendar says so).
  if (firstResponse) events[0].measures = { first_response_seconds: sla.first_response_seconds_taken ?? null, first_response_seconds_over: sla.first_response_seconds_over ?? null };
  // A reopen is a new version of the ticket and carries the SLA columns; otherwise they are written alone.
  if (reopen) await updateTicket(trx, actor.orgId, ticket.id, { ...reopen, ...sla }, now);
  else await writeSla(trx, actor.orgId, ticket.id, sla);
  await recordEvents(trx, deps.config, actor.orgId, ticket.id, author, events, now);
  return toMessage(ticket.number, message, attachments.map((a) => toAttachment(ticket.number, a)));
}

async function storeAttachments(
  trx: Db,
  deps: Deps,
  at: { orgId: number; ticketId: number; messageId: number; now: Date },
  files: StagedFile[],
  moved: string[],
): Promise<AttachmentRow[]> {
  if (files.length === 0) return [];
  const keys = await storeStaged(deps.config.dataDir, at.orgId, files, moved);
  return insertAttachments(
    trx,
    files.map((f, i) => ({
      org_id: at.orgId,
      ticket_id: at.ticketId,
      message_id: at.messageId,
      filename: f.filename,
      content_type: f.contentType,
      size_bytes: f.sizeBytes,
      sha256: f.sha256,
      storage_key: keys[i],
      created_at: at.now,
    })),
  );
}

async function ticketIdOf(deps: Deps, orgId: number, number: string): Promise<number> {
  const row = await findTicketId(deps.db, orgId, number);
  if (!row) throw notFound(`Ticket ${number}`);
  return row.id;
}

export async function getMessages(deps: Deps, orgId: number, number: string, page: { limit: number; cursor?: string }): Promise<{ items: Message[]; next_cursor: string | null }> {
  const ticketId = await ticketIdOf(deps, orgId, number);
  const after = page.cursor ? decodeCursor(page.cursor)[1] : 0;
  const rows = await listMessages(deps.db, orgId, ticketId, after, page.limit);
  const attachments = await listAttachmentsOfMessages(deps.db, orgId, ticketId, rows.slice(0, page.limit).map((m) => m.id));
  const byMessage = new Map<number, Attachment[]>();
  for (const a of attachments) {
    const list = byMessage.get(a.message_id) ?? [];
    list.push(toAttachment(number, a));
    byMessage.set(a.message_id, list);
  }
  return pageById(rows, page.limit, (m) => toMessage(number, m, byMessage.get(m.id) ?? []));
}

export async function getHistory(deps: Deps, orgId: number, number: string, page: { limit: number; cursor?: string }): Promise<{ items: TicketEvent[]; next_cursor: string | null }> {
  const ticketId = await ticketIdOf(deps, orgId, number);
  const after = page.cursor ? decodeCursor(page.cursor)[1] : 0;
  return pageById(await listEvents(deps.db, orgId, ticketId, after, page.limit), page.limit, toEvent);
}
