import { sql } from 'kysely';
import type { NotificationKind } from '../../contract/notifications.ts';
import { LIVE_CHANNEL } from '../live/live-bus.ts';
import { inKeys } from '../platform/db/keys.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import type { Candidate, Named } from './notification-rules.ts';

/** The active agents a change of the ticket could concern: its assignee, its department's members, and those the change names. */
export interface CandidateAgent extends Candidate {
  name: string;
  email: string;
  language: 'en' | 'id' | null;
  emailNotifications: boolean;
}

/** Whose notifications a ticket change may reach: the ticket's assignee and department after the change, and those it names. */
export interface CandidateQuery {
  orgId: number;
  assigneeId: number | null;
  departmentId: number | null;
  named: Named | null;
}

/**
 * The candidates of each query, in agent order, from one read of the agents (and their
 * memberships in the departments concerned) of all the queries: a batch of changes costs what
 * one does. Reads no ticket: the caller knows the assignee and department.
 */
export async function findCandidates(db: Db, queries: readonly CandidateQuery[]): Promise<CandidateAgent[][]> {
  if (queries.length === 0) return [];
  const orgIds = new Set<number>();
  const agentIds = new Set<number>([0]);
  const departmentIds = new Set<number>([0]);
  for (const q of queries) {
    orgIds.add(q.orgId);
    if (q.assigneeId !== null) agentIds.add(q.assigneeId);
    if (q.departmentId !== null) departmentIds.add(q.departmentId);
    for (const id of q.named?.agentIds ?? []) agentIds.add(id);
    if (q.named?.departmentId != null) departmentIds.add(q.named.departmentId);
  }
  const rows = await db
    .selectFrom('agents as a')
    .leftJoin('department_members as m', (j) => j.onRef('m.org_id', '=', 'a.org_id').onRef('m.agent_id', '=', 'a.id').on('m.department_id', 'in', [...departmentIds]))
    .select(['a.org_id', 'a.id', 'a.name', 'a.email', 'a.language', 'a.email_notifications', 'm.department_id'])
    .where('a.org_id', 'in', [...orgIds])
    .where('a.is_active', '=', true)
    .where((eb) => eb.or([eb('a.id', 'in', [...agentIds]), eb('m.department_id', 'is not', null)]))
    .orderBy('a.id')
    .execute();
  const agents = new Map<number, { row: (typeof rows)[number]; departments: Set<number> }>();
  for (const row of rows) {
    const agent = agents.get(row.id) ?? { row, departments: new Set<number>() };
    if (row.department_id !== null) agent.departments.add(row.department_id);
    agents.set(row.id, agent);
  }
  return queries.map((q) => {
    const found: CandidateAgent[] = [];
    for (const { row, departments } of agents.values()) {
      if (row.org_id !== q.orgId) continue;
      const isAssignee = row.id === q.assigneeId;
      const isMember = q.departmentId !== null && departments.has(q.departmentId);
      const isNamed = (q.named?.agentIds.includes(row.id) ?? false) || (q.named?.departmentId != null && departments.has(q.named.departmentId));
      if (!isAssignee && !isMember && !isNamed) continue;
      found.push({ agentId: row.id, isAssignee, isMember, isNamed, name: row.name, email: row.email, language: row.language, emailNotifications: row.email_notifications });
    }
    return found;
  });
}

export interface NewNotification {
  org_id: number;
  agent_id: number;
  ticket_id: number;
  kind: NotificationKind;
  actor_name: string;
}

/** Stores the notifications and announces each to its agent's live streams when the transaction commits. */
export async function insertNotifications(db: Db, notifications: readonly NewNotification[], now: Date): Promise<void> {
  if (notifications.length === 0) return;
  await db
    .insertInto('notifications')
    .values(notifications.map((n) => ({ ...n, created_at: now })))
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

export interface TicketKey {
  orgId: number;
  ticketId: number;
}

/** What mails and notifications about the tickets need: their words, owners, customer's address and language, the workspace's portal. */
export async function findTicketMailFacts(db: Db, tickets: readonly TicketKey[]) {
  if (tickets.length === 0) return [];
  return db
    .selectFrom('tickets as t')
    .innerJoin('workspaces as w', 'w.org_id', 't.org_id')
    .leftJoin('customer_users as cu', (j) => j.onRef('cu.org_id', '=', 't.org_id').onRef('cu.id', '=', 't.customer_user_id'))
    .leftJoin('departments as d', (j) => j.onRef('d.org_id', '=', 't.org_id').onRef('d.id', '=', 't.department_id'))
    .select([
      't.org_id',
      't.id',
      't.number',
      't.subject',
      't.assignee_id',
      't.department_id',
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
    .where(inKeys('t.org_id', 't.id', tickets.map((k) => ({ orgId: k.orgId, id: k.ticketId }))))
    .execute();
}

export type TicketMailFacts = Awaited<ReturnType<typeof findTicketMailFacts>>[number];

/** The messages that mails quote (an agent's reply), by workspace and id. */
export async function findMessagesForMail(db: Db, messages: readonly { orgId: number; messageId: number }[]) {
  if (messages.length === 0) return [];
  return db
    .selectFrom('messages')
    .select(['org_id', 'id', 'body', 'author_name', 'visibility'])
    .where(inKeys('org_id', 'id', messages.map((m) => ({ orgId: m.orgId, id: m.messageId }))))
    .execute();
}
