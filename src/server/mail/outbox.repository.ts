import { sql, type Insertable, type Selectable } from 'kysely';
import type { OutboxStatus, OutboxTable } from '../platform/db/schema.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

/** Every process LISTENs here; a NOTIFY (sent only when the enqueuing transaction commits) wakes the workers. */
export const OUTBOX_CHANNEL = 'caredesk_outbox';

export type OutboxRow = Selectable<OutboxTable>;

/** The payload is the workspace's id: a listener ignores empty payloads, and it tells a log reader who queued. */
const wakeWorkers = sql<string>`pg_notify(${OUTBOX_CHANNEL}, org_id::text)`;

/** Queues mails and wakes the workers once the transaction commits (identical notices of one transaction arrive once). */
/** Queues mails; their ids, in the rows' order. */
export async function insertOutboxMails(db: Db, rows: Insertable<OutboxTable>[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('outbox')
    .values(rows)
    .returning(['id', wakeWorkers.as('woken')])
    .execute();
  return inserted.map((r) => r.id);
}

/** The workspace and the admin's wording of one template in one language, if any: what enqueueing needs. */
export const findMailSetting = (db: Db, orgId: number, template: string, language: string) =>
  db
    .selectFrom('workspaces as w')
    .leftJoin('mail_templates as m', (j) => j.onRef('m.org_id', '=', 'w.org_id').on('m.template', '=', template).on('m.language', '=', language))
    .select(['w.name', 'w.sender_name', 'w.sender_email', 'w.public_url', 'w.mail_secret', 'm.subject as custom_subject', 'm.body as custom_body'])
    .where('w.org_id', '=', orgId)
    .executeTakeFirst();

/** Whether any mail is due: a read, so an idle poll costs no write (and, on PGlite, no WAL flush). */
export async function hasDueMails(db: Db, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('outbox')
    .select('id')
    .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)])]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Claims up to `limit` due mails for one worker: queued ones whose time has come, and ones
 * another worker claimed but whose lease ran out (it died mid-batch). SKIP LOCKED lets any
 * number of workers claim at once without waiting on or taking each other's rows; the new lease
 * keeps them away until it expires. Each claim counts an attempt, so `attempts` also identifies
 * the claim: only its holder's outcome is written back.
 */
export async function claimDueMails(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> {
  const result = await sql<OutboxRow>`
    update outbox o
       set status = 'sending', attempts = o.attempts + 1, lease_until = ${leaseUntil}
     where (o.org_id, o.id) in (
       select org_id, id from outbox
        where (status = 'queued' and next_attempt_at <= ${now})
           or (status = 'sending' and lease_until < ${now})
        order by next_attempt_at, id
        limit ${limit}
        for update skip locked)
    returning o.*`.execute(db);
  return result.rows;
}

const claimed = (db: Db, row: Pick<OutboxRow, 'org_id' | 'id' | 'attempts'>) =>
  db
    .updateTable('outbox')
    .where('org_id', '=', row.org_id)
    .where('id', '=', row.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', row.attempts);

/** Records a delivery (or, without SMTP, that the mail stays in the dev outbox); false if the claim was lost. */
export async function markDelivered(db: Db, row: OutboxRow, status: Extract<OutboxStatus, 'sent' | 'kept'>, now: Date): Promise<boolean> {
  const result = await claimed(db, row).set({ status, sent_at: status === 'sent' ? now : null, lease_until: null, last_error: null }).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A failed attempt: back in the queue until `retryAt`, or failed for good when there is none. */
export async function markAttemptFailed(db: Db, row: OutboxRow, error: string, retryAt: Date | null): Promise<void> {
  await claimed(db, row)
    .set({ status: retryAt ? 'queued' : 'failed', lease_until: null, last_error: error, ...(retryAt ? { next_attempt_at: retryAt } : {}) })
    .execute();
}

/** Hands claimed mails back unsent (the worker is stopping, or their lease is nearly spent): the claim is not counted. */
export async function releaseMails(db: Db, rows: OutboxRow[]): Promise<void> {
  for (const row of rows) {
    await claimed(db, row).set({ status: 'queued', lease_until: null, attempts: row.attempts - 1 }).execute();
  }
}

/** Sender settings of the workspaces a batch of mails belongs to, read when sending so a changed sender applies. */
export const findSenders = (db: Db, orgIds: number[]) =>
  db.selectFrom('workspaces').select(['org_id', 'name', 'sender_name', 'sender_email', 'public_url']).where('org_id', 'in', orgIds).execute();

const listed = (db: Db, orgId: number) =>
  db
    .selectFrom('outbox as o')
    .leftJoin('tickets as t', (j) => j.onRef('t.org_id', '=', 'o.org_id').onRef('t.id', '=', 'o.ticket_id'))
    .select([
      'o.id', 'o.template', 'o.language', 'o.to_address', 'o.to_name', 'o.subject', 'o.status', 'o.attempts', 'o.next_attempt_at',
      'o.last_error', 'o.message_id', 'o.created_at', 'o.sent_at', 't.number as ticket_number',
    ])
    .where('o.org_id', '=', orgId);

export type OutboxListRow = Awaited<ReturnType<typeof listOutboxMails>>[number];

/** Newest first; `beforeId` continues a previous page. */
export const listOutboxMails = (db: Db, orgId: number, page: { status?: OutboxStatus; beforeId: number | null; limit: number }) =>
  listed(db, orgId)
    .$if(page.status !== undefined, (q) => q.where('o.status', '=', page.status as OutboxStatus))
    .$if(page.beforeId !== null, (q) => q.where('o.id', '<', page.beforeId as number))
    .orderBy('o.id', 'desc')
    .limit(page.limit + 1)
    .execute();

export const findOutboxMail = (db: Db, orgId: number, id: number) =>
  listed(db, orgId).select(['o.text_body', 'o.html_body', 'o.in_reply_to', 'o.references']).where('o.id', '=', id).executeTakeFirst();

/** Queues a failed or kept mail again, due now, with a fresh count of attempts; false if it is in no such state. */
export async function requeueMail(db: Db, orgId: number, id: number, now: Date): Promise<boolean> {
  const rows = await db
    .updateTable('outbox')
    .set({ status: 'queued', next_attempt_at: now, attempts: 0, lease_until: null })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'kept'])
    .returning(wakeWorkers.as('woken'))
    .execute();
  return rows.length > 0;
}
