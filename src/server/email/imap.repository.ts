import { sql, type Insertable, type Updateable } from 'kysely';
import type { ImapMailboxesTable } from '../platform/db/schema.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

/** Who is told that a mailbox's settings changed (the payload is its workspace): the pollers of every process refresh at once. */
export const IMAP_CHANNEL = 'caredesk_imap';
const tellPollers = (db: Db, orgId: number) => sql`select pg_notify(${IMAP_CHANNEL}, ${String(orgId)})`.execute(db);

const withDepartment = (db: Db) =>
  db
    .selectFrom('imap_mailboxes as m')
    .innerJoin('departments as d', (j) => j.onRef('d.org_id', '=', 'm.org_id').onRef('d.id', '=', 'm.department_id'))
    .select([
      'm.id',
      'm.department_id',
      'd.name as department_name',
      'm.host',
      'm.port',
      'm.tls_mode',
      'm.username',
      'm.folder',
      'm.enabled',
      'm.last_polled_at',
      'm.last_error',
      'm.last_error_at',
      'm.last_uid',
      'm.created_at',
      'm.updated_at',
    ]);

export type ImapMailboxRow = NonNullable<Awaited<ReturnType<typeof findImapMailbox>>>;

export const listImapMailboxes = (db: Db, orgId: number) => withDepartment(db).where('m.org_id', '=', orgId).orderBy('m.id').execute();

export const findImapMailbox = (db: Db, orgId: number, id: number) => withDepartment(db).where('m.org_id', '=', orgId).where('m.id', '=', id).executeTakeFirst();

/** What connecting needs, the password included: for the poller and the test of a saved mailbox only. */
export const findImapCredentials = (db: Db, orgId: number, id: number) =>
  db.selectFrom('imap_mailboxes').select(['host', 'port', 'tls_mode', 'username', 'password', 'folder']).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();

export async function insertImapMailbox(db: Db, row: Insertable<ImapMailboxesTable>): Promise<number> {
  const { id } = await db.insertInto('imap_mailboxes').values(row).returning('id').executeTakeFirstOrThrow();
  await tellPollers(db, row.org_id);
  return id;
}

/** Changes a mailbox's settings (raising its version); answers false when there is none. */
export async function updateImapMailbox(db: Db, orgId: number, id: number, changes: Updateable<ImapMailboxesTable>, resetPosition: boolean): Promise<boolean> {
  const row = await db
    .updateTable('imap_mailboxes')
    .set({ ...changes, version: sql`version + 1`, ...(resetPosition ? { uid_validity: null, last_uid: 0, seen_pending_uids: [], last_error: null, last_error_at: null } : {}) })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (row) await tellPollers(db, orgId);
  return row !== undefined;
}

export async function deleteImapMailboxRow(db: Db, orgId: number, id: number): Promise<boolean> {
  const row = await db.deleteFrom('imap_mailboxes').where('org_id', '=', orgId).where('id', '=', id).returning('id').executeTakeFirst();
  if (row) await tellPollers(db, orgId);
  return row !== undefined;
}

export const departmentExists = async (db: Db, orgId: number, id: number): Promise<boolean> =>
  (await db.selectFrom('departments').select('id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()) !== undefined;

/** A mailbox as the poller works with it: settings, read position, and where its mail goes. */
export interface PolledMailbox {
  orgId: number;
  id: number;
  version: number;
  departmentId: number;
  /** The department's address (or the login name): recorded as the mail's recipient. */
  address: string;
  host: string;
  port: number;
  tlsMode: ImapMailboxesTable['tls_mode'];
  username: string;
  password: string;
  folder: string;
  uidValidity: number | null;
  lastUid: number;
  seenPending: number[];
}

/**
 * Takes (or keeps) the lease on every enabled mailbox that no other process holds, until `until`;
 * answers those this poller holds now. Leases of mailboxes that were turned off are let go.
 */
export async function claimImapMailboxes(db: Db, pollerId: string, now: Date, until: Date): Promise<PolledMailbox[]> {
  await db.updateTable('imap_mailboxes').set({ poller_id: null, poller_until: null }).where('poller_id', '=', pollerId).where('enabled', '=', false).execute();
  const rows = await db
    .updateTable('imap_mailboxes as m')
    .from('departments as d')
    .set({ poller_id: pollerId, poller_until: until })
    .whereRef('d.org_id', '=', 'm.org_id')
    .whereRef('d.id', '=', 'm.department_id')
    .where('m.enabled', '=', true)
    .where((eb) => eb.or([eb('m.poller_id', '=', pollerId), eb('m.poller_id', 'is', null), eb('m.poller_until', '<', now)]))
    .returning(['m.org_id', 'm.id', 'm.version', 'm.department_id', 'd.email', 'm.host', 'm.port', 'm.tls_mode', 'm.username', 'm.password', 'm.folder', 'm.uid_validity', 'm.last_uid', 'm.seen_pending_uids'])
    .execute();
  return rows.map((r) => ({
    orgId: r.org_id,
    id: r.id,
    version: r.version,
    departmentId: r.department_id,
    address: r.email || r.username,
    host: r.host,
    port: r.port,
    tlsMode: r.tls_mode,
    username: r.username,
    password: r.password,
    folder: r.folder,
    uidValidity: r.uid_validity === null ? null : Number(r.uid_validity),
    lastUid: Number(r.last_uid),
    seenPending: r.seen_pending_uids.map(Number),
  }));
}

/** Lets go of this poller's leases (it stops): another process may take them at once. */
export const releaseImapMailboxes = (db: Db, pollerId: string) =>
  db.updateTable('imap_mailboxes').set({ poller_id: null, poller_until: null }).where('poller_id', '=', pollerId).execute();

/**
 * Changes a mailbox's read position, only while this poller holds it with these settings: one
 * that lost its lease, or works with settings changed since, changes nothing and is told so.
 * A new UIDVALIDITY starts the position over.
 */
export async function moveReadPosition(
  db: Db,
  mailbox: Pick<PolledMailbox, 'orgId' | 'id' | 'version'>,
  pollerId: string,
  change: { uidValidity: number } | { readUid: number } | { seenUids: number[] } | { skippedUid: number },
): Promise<boolean> {
  const set =
    'uidValidity' in change
      ? { uid_validity: change.uidValidity, last_uid: 0, seen_pending_uids: [] }
      : 'readUid' in change
        ? { last_uid: sql<number>`greatest(last_uid, ${change.readUid})`, seen_pending_uids: sql<number[]>`array_append(seen_pending_uids, ${change.readUid}::bigint)` }
        : 'skippedUid' in change
          ? { last_uid: sql<number>`greatest(last_uid, ${change.skippedUid})` }
          : { seen_pending_uids: sql<number[]>`array(select u from unnest(seen_pending_uids) u where u <> all(${sql.val(change.seenUids)}::bigint[]))` };
  const row = await db
    .updateTable('imap_mailboxes')
    .set(set)
    .where('org_id', '=', mailbox.orgId)
    .where('id', '=', mailbox.id)
    .where('version', '=', mailbox.version)
    .where('poller_id', '=', pollerId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Records how a poll went: when the folder was read, and what the server answered when something failed (null: nothing). */
export const recordPoll = (db: Db, mailbox: Pick<PolledMailbox, 'orgId' | 'id' | 'version'>, outcome: { at: Date; error: string | null; read?: boolean }) =>
  db
    .updateTable('imap_mailboxes')
    .set({
      ...(outcome.read ? { last_polled_at: outcome.at } : {}),
      ...(outcome.error === null ? { last_error: null, last_error_at: null } : { last_error: outcome.error, last_error_at: outcome.at }),
    })
    .where('org_id', '=', mailbox.orgId)
    .where('id', '=', mailbox.id)
    .where('version', '=', mailbox.version)
    .execute();
