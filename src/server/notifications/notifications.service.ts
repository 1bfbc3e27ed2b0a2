import type { Notification, NotificationsPage } from '../../contract/notifications.ts';
import type { Deps } from '../platform/deps.ts';
import { notFound } from '../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../platform/http/cursor.ts';
import type { DomainEvent, EventActor } from '../tickets/ticket-events.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { plannedNotifications, recipients } from './notification-rules.ts';
import { countUnread, findCandidates, findNotification, insertNotifications, listNotifications, markRead, type NotificationRow } from './notifications.repository.ts';

/**
 * Tells the agents a ticket change concerns, in the change's transaction (call it after the ticket
 * row holds its new state). Changes that concern nobody cost no query.
 */
export async function notifyAgents(db: Db, orgId: number, ticketId: number, actor: EventActor, events: readonly DomainEvent[], now: Date): Promise<void> {
  const planned = plannedNotifications(events, actor.kind);
  if (planned.length === 0) return;
  const candidates = await findCandidates(db, orgId, ticketId);
  const told = recipients(planned, candidates, actor.kind === 'agent' ? actor.id : null);
  await insertNotifications(db, orgId, ticketId, told, actor.name, now);
}

const toNotification = (n: NotificationRow): Notification => ({
  id: n.id,
  kind: n.kind,
  ticket: { id: n.ticket_id, number: n.number, subject: n.subject },
  actor_name: n.actor_name,
  created_at: n.created_at.toISOString(),
  read_at: n.read_at?.toISOString() ?? null,
});

export async function listAgentNotifications(
  deps: Deps,
  orgId: number,
  agentId: number,
  query: { unread?: boolean; limit: number; cursor?: string },
): Promise<NotificationsPage> {
  const beforeId = query.cursor ? decodeCursor(query.cursor)[1] : null;
  const [rows, unread] = await Promise.all([
    listNotifications(deps.db, orgId, agentId, { unreadOnly: query.unread === true, beforeId, limit: query.limit }),
    countUnread(deps.db, orgId, agentId),
  ]);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items: items.map(toNotification), next_cursor: rows.length > query.limit && last ? encodeCursor(null, last.id) : null, unread_count: unread };
}

/** Marks one of the agent's notifications read; another agent's (or workspace's) is not found. */
export async function readNotification(deps: Deps, orgId: number, agentId: number, id: number): Promise<Notification> {
  await markRead(deps.db, orgId, agentId, deps.clock.now(), { id });
  const row = await findNotification(deps.db, orgId, agentId, id);
  if (!row) throw notFound('Notification');
  return toNotification(row);
}

export async function readAllNotifications(deps: Deps, orgId: number, agentId: number, upTo: number | undefined): Promise<{ updated: number; unread_count: number }> {
  const updated = await markRead(deps.db, orgId, agentId, deps.clock.now(), { upTo });
  return { updated, unread_count: await countUnread(deps.db, orgId, agentId) };
}
