import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DeliveryStatus } from '../../contract/webhooks.ts';
import type { WebhookDeliveriesTable, WebhooksTable } from '../platform/db/schema.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

/** Every process LISTENs here; the trigger on ticket_events and the routes NOTIFY when deliveries are due. */
export const WEBHOOK_CHANNEL = 'caredesk_webhooks';

export type WebhookRow = Selectable<WebhooksTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;

const wakeWorkers = sql<string>`pg_notify(${WEBHOOK_CHANNEL}, org_id::text)`;

export const listWebhooks = (db: Db, orgId: number) => db.selectFrom('webhooks').selectAll().where('org_id', '=', orgId).orderBy('id').execute();

export const findWebhook = (db: Db, orgId: number, id: number) => db.selectFrom('webhooks').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();

/** The endpoint, locked for a change (two admins editing at once apply one after the other). */
export const lockWebhook = (db: Db, orgId: number, id: number) =>
  db.selectFrom('webhooks').selectAll().where('org_id', '=', orgId).where('id', '=', id).forUpdate().executeTakeFirst();

export async function countWebhooks(db: Db, orgId: number): Promise<number> {
  const row = await db.selectFrom('webhooks').select((eb) => eb.fn.countAll<string | number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export const insertWebhook = (db: Db, values: Insertable<WebhooksTable>) => db.insertInto('webhooks').values(values).returningAll().executeTakeFirstOrThrow();

export const updateWebhook = (db: Db, orgId: number, id: number, changes: Updateable<WebhooksTable>) =>
  db.updateTable('webhooks').set(changes).where('org_id', '=', orgId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export async function deleteWebhook(db: Db, orgId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom('webhooks').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Makes the endpoint's waiting deliveries due now and wakes the workers (it was turned on again). */
export async function releaseWaitingDeliveries(db: Db, orgId: number, webhookId: number, now: Date): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: now })
    .where('org_id', '=', orgId)
    .where('webhook_id', '=', webhookId)
    .where('status', '=', 'queued')
    .returning(wakeWorkers.as('woken'))
    .execute();
}

/** Queues a ping (the admin's test): no ticket, so it waits for nothing. */
export async function insertPing(db: Db, orgId: number, webhookId: number, payload: Record<string, unknown>, now: Date): Promise<number> {
  const row = await db
    .insertInto('webhook_deliveries')
    .values({ org_id: orgId, webhook_id: webhookId, event: 'ping', payload: JSON.stringify(payload), occurred_at: now, next_attempt_at: now, created_at: now })
    .returning(['id', wakeWorkers.as('woken')])
    .executeTakeFirstOrThrow();
  return row.id;
}

const listed = (db: Db, orgId: number, webhookId: number) =>
  db
    .selectFrom('webhook_deliveries as d')
    .leftJoin('tickets as t', (j) => j.onRef('t.org_id', '=', 'd.org_id').onRef('t.id', '=', 'd.ticket_id'))
    .select([
      'd.id', 'd.event', 'd.status', 'd.attempts', 'd.next_attempt_at', 'd.last_attempt_at', 'd.last_status_code', 'd.last_error',
      'd.response_excerpt', 'd.occurred_at', 'd.created_at', 'd.delivered_at', 't.number as ticket_number',
    ])
    .where('d.org_id', '=', orgId)
    .where('d.webhook_id', '=', webhookId);

export type DeliveryListRow = Awaited<ReturnType<typeof listDeliveries>>[number];

/** Newest first; `beforeId` continues a previous page. */
export const listDeliveries = (db: Db, orgId: number, webhookId: number, page: { status?: DeliveryStatus; beforeId: number | null; limit: number }) =>
  listed(db, orgId, webhookId)
    .$if(page.status !== undefined, (q) => q.where('d.status', '=', page.status as DeliveryStatus))
    .$if(page.beforeId !== null, (q) => q.where('d.id', '<', page.beforeId as number))
    .orderBy('d.id', 'desc')
    .limit(page.limit + 1)
    .execute();

export const findDelivery = (db: Db, orgId: number, webhookId: number, id: number) => listed(db, orgId, webhookId).where('d.id', '=', id).executeTakeFirst();

/** Queues a failed delivery again, due now, with a fresh count of attempts; false if it is not failed. */
export async function requeueDelivery(db: Db, orgId: number, webhookId: number, id: number, now: Date): Promise<boolean> {
  const rows = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'queued', next_attempt_at: now, attempts: 0, lease_until: null })
    .where('org_id', '=', orgId)
    .where('webhook_id', '=', webhookId)
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returning(wakeWorkers.as('woken'))
    .execute();
  return rows.length > 0;
}

/** The active admins of a workspace: who hears that an endpoint was turned off. */
export async function findAdminIds(db: Db, orgId: number): Promise<number[]> {
  const rows = await db.selectFrom('agents').select('id').where('org_id', '=', orgId).where('role', '=', 'admin').where('is_active', '=', true).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** The workspace as bodies name it. */
export const findWorkspaceRef = (db: Db, orgId: number) => db.selectFrom('workspaces').select(['org_id', 'slug', 'name']).where('org_id', '=', orgId).executeTakeFirstOrThrow();
