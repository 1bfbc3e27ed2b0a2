import type { z } from 'zod';
import {
  webhookLimits,
  type createWebhookBody,
  type DeliveryStatus,
  type patchWebhookBody,
  type Webhook,
  type WebhookDelivery,
  type WebhookDeliveryPage,
  type WebhookEvent,
  type WebhookList,
  type WebhookWithSecret,
} from '../../contract/webhooks.ts';
import type { AgentActor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError, invalidFields, notFound } from '../platform/errors.ts';
import { decodeCursor, pageById } from '../platform/http/cursor.ts';
import { newWebhookSecret } from './signing.ts';
import { privateTargetsAllowed, privateTargetsRefused } from '../platform/private-targets.ts';
import { checkWebhookUrl } from '../platform/ssrf-guard.ts';
import {
  countWebhooks,
  deleteWebhook,
  findDelivery,
  findWebhook,
  findWorkspaceRef,
  insertPing,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  lockWebhook,
  releaseWaitingDeliveries,
  requeueDelivery,
  updateWebhook,
  type DeliveryListRow,
  type WebhookRow,
} from './webhooks.repository.ts';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

const toWebhook = (w: WebhookRow): Webhook => ({
  id: w.id,
  url: w.url,
  description: w.description,
  events: w.events as WebhookEvent[],
  allow_private: w.allow_private,
  enabled: w.enabled,
  disabled_at: iso(w.disabled_at),
  disabled_reason: w.disabled_reason,
  consecutive_failures: w.consecutive_failures,
  previous_secret_until: iso(w.previous_secret_until),
  last_success_at: iso(w.last_success_at),
  last_failure_at: iso(w.last_failure_at),
  created_at: w.created_at.toISOString(),
  updated_at: w.updated_at.toISOString(),
});

const toDelivery = (d: DeliveryListRow): WebhookDelivery => ({
  id: d.id,
  event: d.event as WebhookDelivery['event'],
  ticket_number: d.ticket_number,
  status: d.status,
  attempts: d.attempts,
  next_attempt_at: d.status === 'queued' || d.status === 'sending' ? d.next_attempt_at.toISOString() : null,
  last_attempt_at: iso(d.last_attempt_at),
  last_status_code: d.last_status_code,
  last_error: d.last_error,
  response_excerpt: d.response_excerpt,
  occurred_at: d.occurred_at.toISOString(),
  created_at: d.created_at.toISOString(),
  delivered_at: iso(d.delivered_at),
});

/** Refuses a URL the SSRF guard would not post to, naming body.url; nothing is written before. */
async function assertReachable(deps: Deps, url: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate && !privateTargetsAllowed(deps.config)) throw invalidFields([{ field: 'body.allow_private', message: privateTargetsRefused }]);
  const problem = await checkWebhookUrl(url, allowPrivate);
  if (problem) throw invalidFields([{ field: 'body.url', message: problem }]);
}

/** The workspace's endpoints, oldest first; their secrets are never shown again. */
export const getWebhooks = async (deps: Deps, orgId: number): Promise<WebhookList> => ({ items: (await listWebhooks(deps.db, orgId)).map(toWebhook), next_cursor: null });

export async function getWebhook(deps: Deps, orgId: number, id: number): Promise<Webhook> {
  const row = await findWebhook(deps.db, orgId, id);
  if (!row) throw notFound('Webhook');
  return toWebhook(row);
}

/** Registers an endpoint and answers it with its secret, the only time the secret is shown. */
export async function createWebhook(deps: Deps, orgId: number, input: z.infer<typeof createWebhookBody>): Promise<WebhookWithSecret> {
  await assertReachable(deps, input.url, input.allow_private);
  const now = deps.clock.now();
  const row = await deps.db.transaction().execute(async (trx) => {
    if ((await countWebhooks(trx, orgId)) >= webhookLimits.endpointsMax) {
      throw new AppError('conflict', `A workspace has at most ${webhookLimits.endpointsMax} webhook endpoints; delete one first`);
    }
    return insertWebhook(trx, {
      org_id: orgId,
      url: input.url,
      description: input.description,
      events: input.events,
      secret: newWebhookSecret(),
      allow_private: input.allow_private,
      created_at: now,
      updated_at: now,
    });
  });
  return { ...toWebhook(row), secret: row.secret };
}

/** Changes an endpoint; `enabled: true` turns a disabled one on again with a clean record, and its waiting deliveries go out. */
export async function changeWebhook(deps: Deps, admin: AgentActor, id: number, input: z.infer<typeof patchWebhookBody>): Promise<Webhook> {
  const current = await findWebhook(deps.db, admin.orgId, id);
  if (!current) throw notFound('Webhook');
  const url = input.url ?? current.url;
  const allowPrivate = input.allow_private ?? current.allow_private;
  if (url !== current.url || allowPrivate !== current.allow_private) await assertReachable(deps, url, allowPrivate);
  const now = deps.clock.now();
  const row = await deps.db.transaction().execute(async (trx) => {
    const locked = await lockWebhook(trx, admin.orgId, id);
    if (!locked) throw notFound('Webhook');
    const turningOn = input.enabled === true && !locked.enabled;
    const turningOff = input.enabled === false && locked.enabled;
    const updated = await updateWebhook(trx, admin.orgId, id, {
      url,
      allow_private: allowPrivate,
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.events !== undefined ? { events: input.events } : {}),
      ...(turningOn ? { enabled: true, disabled_at: null, disabled_reason: null, consecutive_failures: 0 } : {}),
      ...(turningOff ? { enabled: false, disabled_at: now, disabled_reason: `Turned off by ${admin.name}` } : {}),
      updated_at: now,
    });
    if (turningOn) await releaseWaitingDeliveries(trx, admin.orgId, id, now);
    return updated;
  });
  return toWebhook(row);
}

/** Deletes an endpoint with its delivery log; deliveries under way are dropped. */
export async function removeWebhook(deps: Deps, orgId: number, id: number): Promise<void> {
  if (!(await deleteWebhook(deps.db, orgId, id))) throw notFound('Webhook');
}

/** A new secret, shown once; deliveries carry a signature with the old one too for a day, so receivers can switch without losing any. */
export async function rotateWebhookSecret(deps: Deps, orgId: number, id: number): Promise<WebhookWithSecret> {
  const now = deps.clock.now();
  const row = await deps.db.transaction().execute(async (trx) => {
    const locked = await lockWebhook(trx, orgId, id);
    if (!locked) throw notFound('Webhook');
    return updateWebhook(trx, orgId, id, {
      secret: newWebhookSecret(),
      previous_secret: locked.secret,
      previous_secret_until: new Date(now.getTime() + webhookLimits.rotationGraceHours * 3_600_000),
      updated_at: now,
    });
  });
  return { ...toWebhook(row), secret: row.secret };
}

/** Queues a ping to the endpoint (also a disabled one: the admin is testing it); its outcome shows in the delivery log. */
export async function pingWebhook(deps: Deps, orgId: number, id: number): Promise<WebhookDelivery> {
  const endpoint = await findWebhook(deps.db, orgId, id);
  if (!endpoint) throw notFound('Webhook');
  const workspace = await findWorkspaceRef(deps.db, orgId);
  const deliveryId = await insertPing(
    deps.db,
    orgId,
    id,
    { workspace: { id: workspace.org_id, slug: workspace.slug, name: workspace.name }, webhook: { id: endpoint.id, url: endpoint.url, events: endpoint.events } },
    deps.clock.now(),
  );
  return getDelivery(deps, orgId, id, deliveryId);
}

async function getDelivery(deps: Deps, orgId: number, webhookId: number, id: number): Promise<WebhookDelivery> {
  const row = await findDelivery(deps.db, orgId, webhookId, id);
  if (!row) throw notFound('Delivery');
  return toDelivery(row);
}

/** The endpoint's delivery log, newest first. */
export async function getDeliveries(deps: Deps, orgId: number, webhookId: number, query: { status?: DeliveryStatus; limit: number; cursor?: string }): Promise<WebhookDeliveryPage> {
  if (!(await findWebhook(deps.db, orgId, webhookId))) throw notFound('Webhook');
  const beforeId = query.cursor ? decodeCursor(query.cursor)[1] : null;
  const rows = await listDeliveries(deps.db, orgId, webhookId, { status: query.status, beforeId, limit: query.limit });
  return pageById(rows, query.limit, toDelivery);
}

/** Posts a failed delivery again now, with a fresh day of retries; refused while the endpoint is off or the delivery is not failed. */
export async function retryDelivery(deps: Deps, orgId: number, webhookId: number, id: number): Promise<WebhookDelivery> {
  const endpoint = await findWebhook(deps.db, orgId, webhookId);
  if (!endpoint) throw notFound('Webhook');
  if (!endpoint.enabled) throw new AppError('conflict', 'The endpoint is turned off: turn it on first (its waiting deliveries then go out)');
  if (!(await requeueDelivery(deps.db, orgId, webhookId, id, deps.clock.now()))) {
    const row = await findDelivery(deps.db, orgId, webhookId, id);
    if (!row) throw notFound('Delivery');
    throw new AppError('conflict', `The delivery is ${row.status}: only failed deliveries can be sent again`, { status: row.status });
  }
  return getDelivery(deps, orgId, webhookId, id);
}
