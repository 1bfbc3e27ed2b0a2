import { sql, type Insertable, type Selectable } from 'kysely';
import type { InboundMailsTable } from '../platform/db/schema.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

export type InboundMailRow = Selectable<InboundMailsTable>;

/** The departments whose address is one of these (any workspace), matched without regard to case. */
export const findMailboxes = (db: Db, addresses: readonly string[]) =>
  addresses.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('departments')
        .select(['org_id', 'id as department_id', 'email'])
        .where(sql<string>`lower(email)`, 'in', addresses.map((a) => a.toLowerCase()))
        .orderBy('org_id')
        .orderBy('id')
        .execute();

/** Whether any department anywhere has an address: until one has, every address is accepted (DESIGN.md §3). */
export async function anyMailboxConfigured(db: Db): Promise<boolean> {
  return (await db.selectFrom('departments').select('id').where('email', 'is not', null).where('email', '<>', '').limit(1).executeTakeFirst()) !== undefined;
}

/** The workspace that receives mail while no department has an address: the first one made. */
export const findDefaultWorkspace = (db: Db) => db.selectFrom('workspaces').select('org_id').orderBy('org_id').limit(1).executeTakeFirst();

/** Stores a received mail; a second copy of one Message-ID in the workspace is not stored (answers false). */
export async function storeInboundMail(db: Db, row: Insertable<InboundMailsTable>): Promise<boolean> {
  const stored = await db
    .insertInto('inbound_mails')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'message_id']).where('message_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return stored !== undefined;
}

export interface InboundOutcome {
  kind: NonNullable<InboundMailsTable['kind']>;
  outcome: NonNullable<InboundMailsTable['outcome']>;
  reason: string;
  ticketId: number | null;
  readable: boolean;
}

export const finishInboundMail = (db: Db, mail: Pick<InboundMailRow, 'org_id' | 'id'>, result: InboundOutcome, now: Date) =>
  db
    .updateTable('inbound_mails')
    .set({ process_at: null, processed_at: now, kind: result.kind, outcome: result.outcome, reason: result.reason, ticket_id: result.ticketId, readable: result.readable })
    .where('org_id', '=', mail.org_id)
    .where('id', '=', mail.id)
    .execute();

/** The tickets that sent or received these Message-IDs: our outgoing mails' ids, and those of mails read in (opening a ticket or added to one). */
export async function findTicketsByMessageIds(db: Db, orgId: number, ids: readonly string[]): Promise<{ message_id: string; ticket_id: number }[] | 'busy'> {
  if (ids.length === 0) return [];
  // A mail it answers that another batch is reading right now (claimed, locked) makes this one wait
  // for it, so a reply that arrives just after its original joins the original's ticket. Not by
  // waiting on the lock: two batches each holding the other's original would deadlock.
  const free = await db.selectFrom('inbound_mails').select('id').where('org_id', '=', orgId).where('message_id', 'in', ids).forShare().skipLocked().execute();
  const all = await db.selectFrom('inbound_mails').select((eb) => eb.fn.countAll<string>().as('n')).where('org_id', '=', orgId).where('message_id', 'in', ids).executeTakeFirstOrThrow();
  if (Number(all.n) > free.length) return 'busy';
  const rows = await sql<{ message_id: string; ticket_id: number }>`
    select message_id, ticket_id from outbox where org_id = ${orgId} and ticket_id is not null and message_id in (${sql.join(ids)})
    union all
    select mail_message_id, ticket_id from messages where org_id = ${orgId} and mail_message_id in (${sql.join(ids)})
    union all
    select message_id, ticket_id from inbound_mails where org_id = ${orgId} and ticket_id is not null and message_id in (${sql.join(ids)})`.execute(db);
  return rows.rows.map((r) => ({ message_id: r.message_id, ticket_id: Number(r.ticket_id) }));
}

/** What threading by a subject's number needs of a ticket: who its customer is and who was on the opening mail's CC. */
export const findTicketForThreading = (db: Db, orgId: number, by: { number: string } | { id: number }) =>
  db
    .selectFrom('tickets as t')
    .leftJoin('customer_users as cu', (j) => j.onRef('cu.org_id', '=', 't.org_id').onRef('cu.id', '=', 't.customer_user_id'))
    .select(['t.id', 't.number', 't.status', 't.subject', 't.mail_cc', 't.customer_user_id', 'cu.email as customer_email', 'cu.name as customer_name'])
    .where('t.org_id', '=', orgId)
    .$if('number' in by, (q) => q.where('t.number', '=', (by as { number: string }).number))
    .$if('id' in by, (q) => q.where('t.id', '=', (by as { id: number }).id))
    .executeTakeFirst();

/** Marks the customer users with these addresses as bounced; answers how many there were. */
export async function recordBounce(db: Db, orgId: number, addresses: readonly string[], reason: string, now: Date): Promise<number> {
  if (addresses.length === 0) return 0;
  const rows = await db
    .updateTable('customer_users')
    .set({ bounced_at: now, bounce_reason: reason.slice(0, 500), updated_at: now })
    .where('org_id', '=', orgId)
    .where(sql<string>`lower(email)`, 'in', addresses.map((a) => a.toLowerCase()))
    .returning('id')
    .execute();
  return rows.length;
}

/** The workspace's received mails, newest first, with their tickets' numbers; `outcome` 'pending' are those not read yet. */
export const listInboundMails = (db: Db, orgId: number, page: { outcome?: string; beforeId: number | null; limit: number }) =>
  db
    .selectFrom('inbound_mails as m')
    .leftJoin('tickets as t', (j) => j.onRef('t.org_id', '=', 'm.org_id').onRef('t.id', '=', 'm.ticket_id'))
    .select(['m.id', 'm.message_id', 'm.mail_from', 'm.rcpt_to', 'm.size_bytes', 'm.received_at', 'm.processed_at', 'm.kind', 'm.outcome', 'm.reason', 'm.readable', 't.number as ticket_number'])
    .where('m.org_id', '=', orgId)
    .$if(page.outcome === 'pending', (q) => q.where('m.outcome', 'is', null))
    .$if(page.outcome !== undefined && page.outcome !== 'pending', (q) => q.where('m.outcome', '=', page.outcome as NonNullable<InboundMailRow['outcome']>))
    .$if(page.beforeId !== null, (q) => q.where('m.id', '<', page.beforeId as number))
    .orderBy('m.id', 'desc')
    .limit(page.limit + 1)
    .execute();

export const findInboundRaw = (db: Db, orgId: number, id: number) =>
  db.selectFrom('inbound_mails').select(['raw', 'message_id']).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
