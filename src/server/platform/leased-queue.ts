import type { FastifyBaseLogger } from 'fastify';
import type { Database } from './db/database.ts';

/**
 * The loop shared by the workers that deliver a table of leased rows (the outbox's mails, the
 * webhooks' deliveries): a wake-up (a NOTIFY on `channel`, the poll, or a caller) runs rounds until
 * one finds nothing new, never two at once; stop() lets the round under way finish for `graceMs`,
 * then aborts what is in flight and marks the queue abandoned (outcomes cut short are left to their
 * leases, as a crash would leave them).
 */
export interface LeasedQueue {
  wake(): void;
  stop(): Promise<void>;
  readonly stopped: boolean;
  /** Set when stop() gave up waiting: outcomes of work cut short are no longer written. */
  readonly abandoned: boolean;
  /** Runs `work` with an abort signal that stop() fires once its grace is over. */
  track<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

export interface LeasedQueueOptions {
  name: string;
  channel: string;
  pollMs: number;
  graceMs: number;
  log: Pick<FastifyBaseLogger, 'error'>;
  /** One round: claims and delivers until it is done; runs again if woken meanwhile. */
  round: () => Promise<void>;
  /** After stop() has given up on the work in flight (close connections). */
  onAbandon?: () => void;
}

export async function startLeasedQueue(database: Pick<Database, 'listen'>, o: LeasedQueueOptions): Promise<LeasedQueue> {
  const inFlight = new Set<AbortController>();
  let stopped = false;
  let abandoned = false;
  let again = false;
  let draining: Promise<void> | null = null;

  const wake = () => {
    if (stopped) return;
    again = true;
    draining ??= drain()
      .catch((error: unknown) => o.log.error({ err: error }, `${o.name}: delivery round failed; the next poll retries`))
      .finally(() => {
        draining = null;
        if (again && !stopped) wake();
      });
  };

  async function drain(): Promise<void> {
    while (again && !stopped) {
      again = false;
      await o.round();
    }
  }

  const unlisten = await database.listen(o.channel, { onMessage: wake, onGap: wake });
  const poll = setInterval(wake, o.pollMs);
  poll.unref();

  const queue: LeasedQueue = {
    wake,
    get stopped() {
      return stopped;
    },
    get abandoned() {
      return abandoned;
    },
    async track(work) {
      const abort = new AbortController();
      inFlight.add(abort);
      try {
        return await work(abort.signal);
      } finally {
        inFlight.delete(abort);
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(poll);
      await unlisten().catch(() => undefined);
      const current = draining;
      if (!current) return;
      let grace: NodeJS.Timeout | undefined;
      const gaveUp = await Promise.race([
        current.then(() => false),
        new Promise<boolean>((resolve) => {
          grace = setTimeout(() => resolve(true), o.graceMs);
        }),
      ]);
      clearTimeout(grace);
      if (gaveUp) {
        abandoned = true;
        for (const a of inFlight) a.abort(new Error(`the ${o.name} worker is stopping`));
        o.onAbandon?.();
      }
      await current;
    },
  };
  // Rows left from before this start; on the next turn, once the caller holds the queue its round refers to.
  setImmediate(wake);
  return queue;
}

/**
 * Works through claimed rows `concurrency` at a time while the lease allows: a row is not started
 * with less than a quarter of the lease left (another worker may take it over), nor once stopping.
 * Answers the rows left untried, for the caller to release.
 */
export async function inLanes<R>(rows: R[], o: { concurrency: number; leaseUntil: Date; leaseMs: number; now: () => Date; stopped: () => boolean }, act: (row: R) => Promise<void>): Promise<R[]> {
  const untried: R[] = [];
  let next = 0;
  const lane = async () => {
    while (next < rows.length) {
      const row = rows[next++];
      if (o.stopped() || o.now().getTime() > o.leaseUntil.getTime() - o.leaseMs / 4) untried.push(row);
      else await act(row);
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, rows.length) }, lane));
  return untried;
}
