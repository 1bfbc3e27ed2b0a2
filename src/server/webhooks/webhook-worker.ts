import type { FastifyBaseLogger } from 'fastify';
import { insertNotifications } from '../notifications/notifications.repository.ts';
import type { Deps } from '../platform/deps.ts';
import {
  claimDueDeliveries,
  countGivenUp,
  disableWebhook,
  findEndpoints,
  hasDueDeliveries,
  markAttemptFailed,
  markDelivered,
  releaseDeliveries,
  type AttemptResult,
} from './delivery-queue.repository.ts';
import { inLanes, startLeasedQueue } from '../platform/leased-queue.ts';
import { privateTargetsAllowed } from '../platform/private-targets.ts';
import { postWebhook } from './post-webhook.ts';
import { signatureHeader } from './signing.ts';
import { WEBHOOK_CHANNEL, findAdminIds, type DeliveryRow, type WebhookRow } from './webhooks.repository.ts';

export interface WebhookWorkerOptions {
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** Deliveries claimed per round. */
  batchSize?: number;
  /** Deliveries posted at once. */
  concurrency?: number;
  /** How long a claim keeps other workers off a delivery; at least twice the timeout. */
  leaseMs?: number;
  /** Polling, for a missed NOTIFY and for retries coming due. */
  pollMs?: number;
  /** Pause after the 1st, 2nd, … failed attempt; after the last, the delivery is given up. */
  backoffMs?: readonly number[];
  /** How long stop() lets posts under way finish before abandoning them to their lease. */
  stopGraceMs?: number;
}

export interface WebhookWorker {
  /** Looks for due deliveries now (NOTIFY and the poll call it; tests after moving the clock). */
  wake(): void;
  stop(): Promise<void>;
}

/** Ten attempts over 23 h 51 min: then the delivery is given up. */
export const webhookBackoffMs: readonly number[] = [60_000, 300_000, 900_000, 1_800_000, 3_600_000, 2 * 3_600_000, 4 * 3_600_000, 8 * 3_600_000, 8 * 3_600_000];

export const webhookWorkerDefaults = {
  batchSize: 20,
  concurrency: 5,
  leaseMs: 60_000,
  pollMs: 5_000,
  backoffMs: webhookBackoffMs,
  stopGraceMs: 2_000,
} satisfies Omit<Required<WebhookWorkerOptions>, 'log'>;

type Payload = Record<string, unknown>;

/** The JSON body of a delivery, the same bytes at every attempt. */
export function deliveryBody(row: Pick<DeliveryRow, 'id' | 'event' | 'occurred_at' | 'payload'>): string {
  const p = row.payload as Payload;
  const head = { id: row.id, event: row.event, occurred_at: row.occurred_at.toISOString(), workspace: p.workspace };
  return JSON.stringify(row.event === 'ping' ? { ...head, webhook: p.webhook } : { ...head, ticket: p.ticket, change: p.change, actor: p.actor });
}

/** The secrets a delivery is signed with now: the current one, and the replaced one during a rotation's grace. */
export const signingSecrets = (w: Pick<WebhookRow, 'secret' | 'previous_secret' | 'previous_secret_until'>, now: Date): string[] =>
  w.previous_secret && w.previous_secret_until && w.previous_secret_until > now ? [w.secret, w.previous_secret] : [w.secret];

/**
 * Delivers webhooks like the outbox worker delivers mail: claims due deliveries in batches with a
 * lease, posts each signed, and records the outcome; any number of workers share the table. At
 * least once: a worker that dies after the endpoint answered leaves the delivery to be posted
 * again, with the same X-Caredesk-Delivery id for the receiver to recognise it. A post is given at
 * most the timeout (≤ half the lease) and not started with less than a quarter of the lease left.
 */
export async function startWebhookWorker(deps: Pick<Deps, 'config' | 'database' | 'db' | 'clock'>, options: WebhookWorkerOptions): Promise<WebhookWorker> {
  const o = { ...webhookWorkerDefaults, ...options };
  const { db, clock, config } = deps;
  const log = o.log;
  const timeoutMs = Math.min(config.WEBHOOK_TIMEOUT_MS, o.leaseMs / 2);
  const queue = await startLeasedQueue(deps.database, {
    name: 'webhooks',
    channel: WEBHOOK_CHANNEL,
    pollMs: o.pollMs,
    graceMs: o.stopGraceMs,
    log,
    // A delivery that arrived may let the next event of its ticket go: claim until nothing is left.
    round: async () => {
      while (!queue.stopped && (await deliverBatch()) > 0);
    },
  });

  async function deliverBatch(): Promise<number> {
    const now = clock.now();
    if (!(await hasDueDeliveries(db, now))) return 0;
    const leaseUntil = new Date(now.getTime() + o.leaseMs);
    const rows = await claimDueDeliveries(db, now, leaseUntil, o.batchSize);
    if (rows.length === 0) return 0;
    const endpoints = new Map((await findEndpoints(db, rows)).map((w) => [`${w.org_id}:${w.id}`, w]));
    const lanes = { concurrency: o.concurrency, leaseUntil, leaseMs: o.leaseMs, now: () => clock.now(), stopped: () => queue.stopped };
    const untried = await inLanes(rows, lanes, async (row) => {
      const endpoint = endpoints.get(`${row.org_id}:${row.webhook_id}`);
      if (endpoint) await deliverOne(row, endpoint);
    });
    if (untried.length) await releaseDeliveries(db, untried);
    return rows.length - untried.length;
  }

  /** Never throws: a failure to record an outcome leaves the delivery to its lease, like a crash would. */
  async function deliverOne(row: DeliveryRow, endpoint: WebhookRow): Promise<void> {
    try {
      const body = deliveryBody(row);
      const now = clock.now();
      const result: AttemptResult = await queue.track((signal) =>
        postWebhook(
          endpoint.url,
          body,
          {
            'content-type': 'application/json',
            'user-agent': 'Caredesk-Webhooks/1.0',
            'x-caredesk-event': row.event,
            'x-caredesk-delivery': String(row.id),
            'x-caredesk-signature': signatureHeader(body, Math.floor(now.getTime() / 1000), signingSecrets(endpoint, now)),
          },
          // The operator's rule wins over the admin's leave: an endpoint allowed before is refused now.
          { allowPrivate: endpoint.allow_private && privateTargetsAllowed(config), timeoutMs, signal },
        ),
      );
      if (result.error === null) {
        if (!(await markDelivered(db, row, result, clock.now()))) log.warn({ delivery_id: row.id }, 'webhooks: delivered after its claim passed to another worker');
        return;
      }
      // Cut short by stop(): whether the endpoint took it is unknown, so the lease decides (at least once).
      if (queue.abandoned) return;
      await recordFailure(row, result);
    } catch (error) {
      log.error({ err: error, delivery_id: row.id }, 'webhooks: could not record the outcome of a delivery; its lease will expire and it is posted again');
    }
  }

  async function recordFailure(row: DeliveryRow, result: AttemptResult): Promise<void> {
    // A ping is the admin's test: one attempt, its outcome shown at once, counting against nothing.
    const givenUp = row.event === 'ping' || row.attempts > o.backoffMs.length;
    const now = clock.now();
    // Counted from when the attempt began, so a slow endpoint does not stretch the schedule.
    const retryAt = givenUp ? null : new Date((row.last_attempt_at ?? now).getTime() + o.backoffMs[row.attempts - 1]);
    const level = givenUp ? 'warn' : 'info';
    log[level]({ delivery_id: row.id, webhook_id: row.webhook_id, org_id: row.org_id, attempts: row.attempts, retry_at: retryAt, error: result.error }, givenUp ? 'webhooks: delivery given up' : 'webhooks: delivery failed, will retry');
    if (!givenUp || row.event === 'ping') {
      await markAttemptFailed(db, row, result, retryAt);
      return;
    }
    await db.transaction().execute(async (trx) => {
      if (!(await markAttemptFailed(trx, row, result, null))) return;
      const endpoint = await countGivenUp(trx, row, now);
      if (!endpoint || !endpoint.enabled || endpoint.consecutive_failures < config.WEBHOOK_DISABLE_AFTER_FAILURES) return;
      const reason = `Turned off after ${endpoint.consecutive_failures} deliveries in a row failed for a day each; the last: ${result.error}`;
      if (!(await disableWebhook(trx, row.org_id, row.webhook_id, reason.slice(0, 1000), now))) return;
      const admins = await findAdminIds(trx, row.org_id);
      if (row.ticket_id !== null) {
        await insertNotifications(trx, admins.map((agent_id) => ({ org_id: row.org_id, agent_id, ticket_id: row.ticket_id as number, kind: 'webhook_disabled' as const, actor_name: 'System' })), now);
      }
      log.warn({ webhook_id: row.webhook_id, org_id: row.org_id }, 'webhooks: endpoint turned off after repeated failures');
    });
  }

  return { wake: queue.wake, stop: () => queue.stop() };
}
