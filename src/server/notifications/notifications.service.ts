import type { Notification, NotificationsPage } from '../../contract/notifications.ts';
import type { Deps } from '../platform/deps.ts';
import { notFound } from '../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../platform/http/cursor.ts';
import { countUnread, findNotification, listNotifications, markRead, type NotificationRow } from './notifications.repository.ts';

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
