import { sql } from 'kysely';
import type { NotificationKind } from '../../contract/notifications.ts';
import { LIVE_CHANNEL } from '../live/live-bus.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import type { Candidate, Named } from './notification-rules.ts';

/** The active agents a change of the ticket could concern: its assignee, its department's members, and those the change names. */
export interface CandidateAgent extends Candidate {
  name: string;
  email: string;
  language: 'en' | 'id' | null;
  emailNotifications: boolean;
}

export async function findCandidates(db: Db, orgId: number, ticketId: number, named: Named | null = null): Promise<CandidateAgent[]> {
  const namedAgents = named?.agentIds.length ? named.agentIds : [0];
  const rows = await db
    .selectFrom('tickets as t')
    .innerJoin('agents as a', (j) => j.onRef('a.org_id', '=', 't.org_id').on('a.is_active', '=', true))
    .leftJoin('department_members as m', (j) =>
      j.onRef('m.org_id', '=', 't.org_id').onRef('m.department_id', '=', 't.department_id').onRef('m.agent_id', '=', 'a.id'),
    )
    .leftJoin('department_members as n', (j) =>
      j.onRef('n.org_id', '=', 't.org_id').on('n.department_id', '=', named?.departmentId ?? 0).onRef('n.agent_id', '=', 'a.id'),
    )
    .select((eb) => [
      'a.id as agent_id',
      'a.name',
      'a.email',
      'a.language',
      'a.email_notifications',
      sql<boolean>`a.id = t.assignee_id`.as('is_assignee'),
      sql<boolean>`m.agent_id is not null`.as('is_member'),
      eb.or([eb('a.id', 'in', namedAgents), eb('n.agent_id', 'is not', null)]).$castTo<boolean>().as('is_named'),
    ])
    .where('t.org_id', '=', orgId)
    .where('t.id', '=', ticketId)
    .where((eb) => eb.or([eb('a.id', '=', eb.ref('t.assignee_id')), eb('m.agent_id', 'is not', null), eb('a.id', 'in', namedAgents), eb('n.agent_id', 'is not', null)]))
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    agentId: r.agent_id,
    isAssignee: r.is_assignee === true,
    isMember: r.is_member === true,
    isNamed: r.is_named === true,
    name: r.name,
    email: r.email,
    language: r.language,
    emailNotifications: r.email_notifications,
  }));
}

/** Stores the notifications and announces each to its agent's live streams when the transaction commits. */
export async function insertNotifications(
  db: Db,
  orgId: number,
  ticketId: number,
  told: { agentId: number; kind: NotificationKind }[],
  actorName: string,
  now: Date,
): Promise<void> {
  if (told.length === 0) return;
  await db
    .insertInto('notifications')
    .values(told.map((t) => ({ org_id: orgId, agent_id: t.agentId, ticket_id: ticketId, kind: t.kind, actor_name: actorName, created_at: now })))
    .returning(agentNotice.as('announced'))
    .execute();
}

/** Tells the agent's open apps that their notifications changed; identical notices of one transaction arrive once. */
const agentNotice = sql<string>`pg_notify(${LIVE_CHANNEL}, json_build_object('org', org_id, 'agent', agent_id)::text)`;

/** The agent's own notifications with their tickets' number and subject. */
const listed = (db: Db, orgId: number, agentId: number) =>
  db
    .selectFrom('notifications as n')
    .innerJoin('tickets as t', (j) => j.onRef('t.org_id', '=', 'n.org_id').onRef('t.id', '=', 'n.ticket_id'))
    .where('n.org_id', '=', orgId)
    .where('n.agent_id', '=', agentId)
    .select(['n.id', 'n.kind', 'n.actor_name', 'n.created_at', 'n.read_at', 't.id as ticket_id', 't.number', 't.subject']);

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>[number];

/** Newest first; `beforeId` continues a previous page. */
export const listNotifications = (db: Db, orgId: number, agentId: number, page: { unreadOnly: boolean; beforeId: number | null; limit: number }) =>
  listed(db, orgId, agentId)
    .$if(page.unreadOnly, (q) => q.where('n.read_at', 'is', null))
    .$if(page.beforeId !== null, (q) => q.where('n.id', '<', page.beforeId as number))
    .orderBy('n.id', 'desc')
    .limit(page.limit + 1)
    .execute();

export async function countUnread(db: Db, orgId: number, agentId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('agent_id', '=', agentId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const findNotification = (db: Db, orgId: number, agentId: number, id: number) =>
  listed(db, orgId, agentId)
    .where('n.id', '=', id)
    .executeTakeFirst();

/** Marks read what is unread (a second call changes nothing); answers how many changed. */
export async function markRead(db: Db, orgId: number, agentId: number, now: Date, only: { id?: number; upTo?: number }): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('org_id', '=', orgId)
    .where('agent_id', '=', agentId)
    .where('read_at', 'is', null)
    .$if(only.id !== undefined, (q) => q.where('id', '=', only.id as number))
    .$if(only.upTo !== undefined, (q) => q.where('id', '<=', only.upTo as number))
    .returning(agentNotice.as('announced'))
    .execute();
  return result.length;
}

/** What a mail about the ticket needs: its words, the customer's address and language, the workspace's portal. */
export const findTicketMailFacts = (db: Db, orgId: number, ticketId: number) =>
  db
    .selectFrom('tickets as t')
    .innerJoin('workspaces as w', 'w.org_id', 't.org_id')
    .leftJoin('customer_users as cu', (j) => j.onRef('cu.org_id', '=', 't.org_id').onRef('cu.id', '=', 't.customer_user_id'))
    .leftJoin('departments as d', (j) => j.onRef('d.org_id', '=', 't.org_id').onRef('d.id', '=', 't.department_id'))
    .select([
      't.number',
      't.subject',
      't.pending_reason',
      't.resolution',
      't.resolution_kind',
      'w.slug',
      'w.name as workspace_name',
      'w.public_url',
      'w.default_language',
      'cu.name as customer_name',
      'cu.email as customer_email',
      'cu.language as customer_language',
      'd.name as department_name',
      'd.email as department_email',
    ])
    .where('t.org_id', '=', orgId)
    .where('t.id', '=', ticketId)
    .executeTakeFirstOrThrow();

export const findMessageForMail = (db: Db, orgId: number, messageId: number) =>
  db.selectFrom('messages').select(['body', 'author_name', 'visibility']).where('org_id', '=', orgId).where('id', '=', messageId).executeTakeFirst();
