import { sql } from 'kysely';
import type { Db } from '../workspaces/workspaces.repository.ts';
import type { DeliveryRow, WebhookRow } from './webhooks.repository.ts';

/**
 * A delivery a worker may take: queued and due (or 'sending' with its lease run out: its worker
 * died), of an endpoint that is on (a ping goes to a disabled one too: the admin is testing it),
 * and with no earlier delivery of the same ticket to the same endpoint still open, so a ticket's
 * events arrive in the order they happened.
 */
const claimable = (now: Date) => sql<boolean>`
  ((q.status = 'queued' and q.next_attempt_at <= ${now}) or (q.status = 'sending' and q.lease_until < ${now}))
  and (w.enabled or q.event = 'ping')
  and (q.ticket_id is null or not exists (
    select 1 from webhook_deliveries p
     where p.org_id = q.org_id and p.webhook_id = q.webhook_id and p.ticket_id = q.ticket_id
       and p.id < q.id and p.status in ('queued', 'sending')))`;

/** Whether any delivery can be taken: a read, so an idle poll writes nothing. */
export async function hasDueDeliveries(db: Db, now: Date): Promise<boolean> {
  const result = await sql<{ id: number }>`
    select q.id from webhook_deliveries q
      join webhooks w on w.org_id = q.org_id and w.id = q.webhook_id
     where ${claimable(now)}
     limit 1`.execute(db);
  return result.rows.length > 0;
}

/**
 * Claims up to `limit` deliveries (see claimable): 'sending' with a lease, one attempt more.
 * SKIP LOCKED lets workers claim side by side; a later delivery of a ticket is not claimable
 * while an earlier one is open, in any worker's snapshot, so two never post one ticket at once.
 */
export async function claimDueDeliveries(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<DeliveryRow[]> {
  const result = await sql<DeliveryRow>`
    update webhook_deliveries d
       set status = 'sending', attempts = d.attempts + 1, lease_until = ${leaseUntil}, last_attempt_at = ${now}
     where (d.org_id, d.id) in (
       select q.org_id, q.id from webhook_deliveries q
         join webhooks w on w.org_id = q.org_id and w.id = q.webhook_id
        where ${claimable(now)}
        order by q.next_attempt_at, q.id
        limit ${limit}
        for update of q skip locked)
    returning d.*`.execute(db);
  return result.rows;
}

/** The endpoints of a batch as they are now (a rotated secret or a changed URL applies at once). */
export async function findEndpoints(db: Db, keys: readonly { org_id: number; webhook_id: number }[]): Promise<WebhookRow[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('org_id', '=', k.org_id), eb('id', '=', k.webhook_id)]))))
    .execute();
}

const claimed = (db: Db, row: Pick<DeliveryRow, 'org_id' | 'id' | 'attempts'>) =>
  db
    .updateTable('webhook_deliveries')
    .where('org_id', '=', row.org_id)
    .where('id', '=', row.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', row.attempts);

export interface AttemptResult {
  statusCode: number | null;
  excerpt: string | null;
  error: string | null;
}

/** Records an arrival and clears the endpoint's run of failures; false if the claim was lost. */
export async function markDelivered(db: Db, row: DeliveryRow, result: AttemptResult, now: Date): Promise<boolean> {
  const updated = await claimed(db, row)
    .set({ status: 'delivered', delivered_at: now, lease_until: null, last_status_code: result.statusCode, last_error: null, response_excerpt: result.excerpt })
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) return false;
  await db
    .updateTable('webhooks')
    .set({ consecutive_failures: 0, last_success_at: now })
    .where('org_id', '=', row.org_id)
    .where('id', '=', row.webhook_id)
    .execute();
  return true;
}

/** A failed attempt: queued again until `retryAt`, or failed for good when there is none; false if the claim was lost. */
export async function markAttemptFailed(db: Db, row: DeliveryRow, result: AttemptResult, retryAt: Date | null): Promise<boolean> {
  const updated = await claimed(db, row)
    .set({
      status: retryAt ? 'queued' : 'failed',
      lease_until: null,
      last_status_code: result.statusCode,
      last_error: result.error,
      response_excerpt: result.excerpt,
      ...(retryAt ? { next_attempt_at: retryAt } : {}),
    })
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** Counts a given-up delivery against its endpoint; answers the endpoint, locked, as it is now. */
export const countGivenUp = (db: Db, row: DeliveryRow, now: Date) =>
  db
    .updateTable('webhooks')
    .set((eb) => ({ consecutive_failures: eb('consecutive_failures', '+', 1), last_failure_at: now }))
    .where('org_id', '=', row.org_id)
    .where('id', '=', row.webhook_id)
    .returningAll()
    .executeTakeFirst();

/** Turns an endpoint off (it kept failing); false if it was already off. */
export async function disableWebhook(db: Db, orgId: number, id: number, reason: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('webhooks')
    .set({ enabled: false, disabled_at: now, disabled_reason: reason, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('enabled', '=', true)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Hands claimed deliveries back untried (the worker is stopping, or their lease is nearly spent): the claim is not counted. */
export async function releaseDeliveries(db: Db, rows: readonly DeliveryRow[]): Promise<void> {
  for (const row of rows) await claimed(db, row).set({ status: 'queued', lease_until: null, attempts: row.attempts - 1 }).execute();
}
