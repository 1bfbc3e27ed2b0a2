import type { Message, TicketEvent } from '../../contract/tickets.ts';
import { limits } from '../../contract/limits.ts';
import type { TicketActor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { decodeCursor, pageById } from '../platform/http/cursor.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { toEvent, toMessage } from './ticket-dto.ts';
import { eventActorOf, recordEvents } from './ticket-events.ts';
import { assertTextSize, loadForChange } from './tickets.service.ts';
import { findTicketId, insertMessage, listEvents, listMessages, updateTicket } from './tickets.repository.ts';

/**
 * Adds a public reply or an internal note (a customer's message is a public note); the first
 * public agent reply stamps first_responded_at.
 */
export async function addMessage(deps: Deps, actor: TicketActor, number: string, input: { body: string; visibility: 'public' | 'internal' }, ifMatch?: number): Promise<Message> {
  assertTextSize('body', input.body, limits.messageMaxBytes);
  if (actor.kind === 'customer' && input.visibility !== 'public') throw new AppError('forbidden', 'Customers write public notes only');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await loadForChange(trx, actor, number, ifMatch);
    const author = eventActorOf(actor);
    const isReply = input.visibility === 'public' && actor.kind !== 'customer';
    const message = await insertMessage(trx, {
      org_id: actor.orgId,
      ticket_id: ticket.id,
      kind: isReply ? 'reply' : 'note',
      visibility: input.visibility,
      author_kind: author.kind,
      author_id: author.id,
      author_name: author.name,
      body: input.body,
      created_at: now,
    });
    const firstResponse = isReply && actor.kind === 'agent' && ticket.first_responded_at === null;
    await updateTicket(
      trx,
      actor.orgId,
      ticket.id,
      { ...(firstResponse ? { first_responded_at: now } : {}), ...(actor.kind === 'customer' ? { last_customer_activity_at: now } : {}) },
      now,
    );
    await recordEvents(trx, actor.orgId, ticket.id, author, [
      { type: isReply ? 'replied' : 'note_added', after: { message_id: message.id, visibility: input.visibility } },
    ], now);
    return toMessage(message);
  });
}

async function ticketIdOf(deps: Deps, orgId: number, number: string): Promise<number> {
  const row = await findTicketId(deps.db, orgId, number);
  if (!row) throw notFound(`Ticket ${number}`);
  return row.id;
}

export async function getMessages(deps: Deps, orgId: number, number: string, page: { limit: number; cursor?: string }): Promise<{ items: Message[]; next_cursor: string | null }> {
  const ticketId = await ticketIdOf(deps, orgId, number);
  const after = page.cursor ? decodeCursor(page.cursor)[1] : 0;
  return pageById(await listMessages(deps.db, orgId, ticketId, after, page.limit), page.limit, toMessage);
}

export async function getHistory(deps: Deps, orgId: number, number: string, page: { limit: number; cursor?: string }): Promise<{ items: TicketEvent[]; next_cursor: string | null }> {
  const ticketId = await ticketIdOf(deps, orgId, number);
  const after = page.cursor ? decodeCursor(page.cursor)[1] : 0;
  return pageById(await listEvents(deps.db, orgId, ticketId, after, page.limit), page.limit, toEvent);
}
