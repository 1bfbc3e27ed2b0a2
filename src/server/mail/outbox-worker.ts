import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Deps } from '../platform/deps.ts';
import { senderOf, type SenderWorkspace } from './addresses.ts';
import { buildMessage } from './mail-message.ts';
import { inLanes, startLeasedQueue } from '../platform/leased-queue.ts';
import { OUTBOX_CHANNEL, claimDueMails, findSenders, hasDueMails, markAttemptFailed, markDelivered, releaseMails, type OutboxRow } from './outbox.repository.ts';

export interface OutboxWorkerOptions {
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** Mails claimed per round. */
  batchSize?: number;
  /** Mails sent at once (and SMTP connections kept open). */
  concurrency?: number;
  /** How long a claim keeps other workers off a mail; a worker that dies leaves it to expire. */
  leaseMs?: number;
  /** Polling, for when a NOTIFY was missed (or the listener is reconnecting). */
  pollMs?: number;
  /** After this many failed attempts a mail is 'failed' (an admin can retry it). */
  maxAttempts?: number;
  /** Pause after the 1st, 2nd, … failed attempt; the last repeats. */
  backoffMs?: readonly number[];
  /** How long stop() lets sends under way finish before abandoning them to their lease. */
  stopGraceMs?: number;
}

export interface OutboxWorker {
  /** Looks for due mails now (NOTIFY and the poll call it; tests after moving the clock). */
  wake(): void;
  stop(): Promise<void>;
}

export const workerDefaults = {
  batchSize: 20,
  concurrency: 5,
  leaseMs: 60_000,
  pollMs: 5_000,
  maxAttempts: 8,
  backoffMs: [30_000, 120_000, 600_000, 3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000],
  stopGraceMs: 2_000,
} satisfies Omit<Required<OutboxWorkerOptions>, 'log'>;

/** The pooled SMTP transport the worker sends through (the benchmark's baseline uses the same). */
export const smtpTransport = (url: string, o: { concurrency: number; leaseMs: number } = workerDefaults): Transporter =>
  nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: o.concurrency,
    // One quick re-send on a dropped connection; anything longer is the outbox's own retry.
    maxRequeues: 1,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: Math.min(60_000, o.leaseMs / 2),
    disableFileAccess: true,
    disableUrlAccess: true,
  });

/** The pause after `attempts` failed attempts (1 = the first). */
export const retryDelay = (attempts: number, backoffMs: readonly number[]): number => backoffMs[Math.min(Math.max(attempts, 1), backoffMs.length) - 1];

/** What the mail server (or the network) said, short enough for a list column. */
function describeError(error: unknown): string {
  const e = error as { code?: unknown; response?: unknown; message?: unknown };
  const what = typeof e.response === 'string' && e.response ? e.response : String(e.message ?? error);
  return (typeof e.code === 'string' ? `${e.code}: ${what}` : what).replace(/\s+/g, ' ').slice(0, 1000);
}

/**
 * Delivers the outbox: claims due mails in batches, sends each through SMTP (or, with no
 * SMTP_URL, keeps it in the dev outbox and logs it), and records the outcome. Any number of
 * workers in any number of processes share the table safely.
 *
 * Delivery is at least once, not exactly once: a worker that dies after the mail server took a
 * mail but before it wrote 'sent' leaves the row 'sending'; when its lease expires another worker
 * sends it again. Such a duplicate carries the same Message-ID, which mail clients and servers
 * use to recognise (and often drop) the second copy. A send is given at most half the lease and
 * is not started when less than a quarter remains, so a live worker never outlasts its claim.
 */
export async function startOutboxWorker(deps: Pick<Deps, 'config' | 'database' | 'db' | 'clock'>, options: OutboxWorkerOptions): Promise<OutboxWorker> {
  const o = { ...workerDefaults, ...options };
  const { db, clock, log } = { ...deps, log: o.log };
  const transport: Transporter | null = deps.config.SMTP_URL ? smtpTransport(deps.config.SMTP_URL, o) : null;

  const queue = await startLeasedQueue(deps.database, {
    name: 'outbox',
    channel: OUTBOX_CHANNEL,
    pollMs: o.pollMs,
    graceMs: o.stopGraceMs,
    log,
    // A full batch suggests more are due: keep going without waiting for a wake-up.
    round: async () => {
      let claimed: number;
      do claimed = await deliverBatch();
      while (!queue.stopped && claimed === o.batchSize);
    },
    onAbandon: () => transport?.close({ force: true }),
  });

  async function deliverBatch(): Promise<number> {
    const now = clock.now();
    if (!(await hasDueMails(db, now))) return 0;
    const leaseUntil = new Date(now.getTime() + o.leaseMs);
    const rows = await claimDueMails(db, now, leaseUntil, o.batchSize);
    if (rows.length === 0) return 0;
    const senders = new Map((await findSenders(db, [...new Set(rows.map((r) => r.org_id))])).map((w) => [w.org_id, w]));
    const lanes = { concurrency: o.concurrency, leaseUntil, leaseMs: o.leaseMs, now: () => clock.now(), stopped: () => queue.stopped };
    const unsent = await inLanes(rows, lanes, (row) => deliverOne(row, senders.get(row.org_id)));
    if (unsent.length) await releaseMails(db, unsent);
    return rows.length;
  }

  /** Never throws: a failure to record an outcome leaves the row to its lease, like a crash would. */
  async function deliverOne(row: OutboxRow, workspace: SenderWorkspace | undefined): Promise<void> {
    try {
      if (transport) await sendOne(transport, row, workspace);
      else {
        log.info({ outbox_id: row.id, org_id: row.org_id, to: row.to_address, subject: row.subject, text: row.text_body }, 'mail kept in the dev outbox (no SMTP_URL set)');
        await markDelivered(db, row, 'kept', clock.now());
      }
    } catch (error) {
      log.error({ err: error, outbox_id: row.id }, 'outbox: could not record the outcome of a mail; its lease will expire and it is sent again');
    }
  }

  async function sendOne(smtp: Transporter, row: OutboxRow, workspace: SenderWorkspace | undefined): Promise<void> {
    const failure = await queue.track(async (signal) => {
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(new Error('sending took longer than half the lease')), o.leaseMs / 2);
      try {
        if (!workspace) throw new Error('workspace not found');
        const sender = senderOf(deps.config, workspace);
        // A customer mail about a ticket comes from its department's address: the answer goes there.
        const from = row.from_address ? { name: sender.name, address: row.from_address } : sender;
        await smtp.sendMail({ ...buildMessage(row, from), signal: AbortSignal.any([signal, deadline.signal]) });
        return null;
      } catch (error) {
        return error ?? new Error('sending failed');
      } finally {
        clearTimeout(timer);
      }
    });
    if (failure === null) {
      // Written even when stopping: the server has the mail, so it must not be sent again.
      if (!(await markDelivered(db, row, 'sent', clock.now()))) log.warn({ outbox_id: row.id }, 'outbox: mail sent after its claim passed to another worker');
      return;
    }
    // Cut short by stop(): whether the server kept it is unknown, so the lease decides (at least once).
    if (queue.abandoned) return;
    const failedForGood = row.attempts >= o.maxAttempts;
    const retryAt = failedForGood ? null : new Date(clock.now().getTime() + retryDelay(row.attempts, o.backoffMs));
    const message = describeError(failure);
    await markAttemptFailed(db, row, message, retryAt);
    log.warn({ outbox_id: row.id, org_id: row.org_id, attempts: row.attempts, retry_at: retryAt, error: message }, failedForGood ? 'outbox: mail failed for good' : 'outbox: sending failed, will retry');
  }

  return {
    wake: queue.wake,
    async stop() {
      await queue.stop();
      transport?.close();
    },
  };
}
