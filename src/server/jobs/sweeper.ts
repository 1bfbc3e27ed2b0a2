import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { isTransientConflict } from '../platform/db/pg-errors.ts';
import type { Deps } from '../platform/deps.ts';
import { gatherWrites, writeAtOnce } from '../tickets/ticket-writes.ts';
import { duties as registeredDuties } from './duties.ts';
import type { Duty, DutyOutcome } from './duty.ts';
import { recordChecks, recordRunFinished, recordRunStarted } from './job-runs.repository.ts';

export interface DutyRunReport {
  /** Rows claimed, each of which was done, skipped (no longer needed) or failed (tried again later). */
  claimed: number;
  done: number;
  skipped: number;
  failed: number;
  /** Batches that an action (or the batch's writes) made roll back and run again row by row, each row with its savepoint. */
  retried: number;
  /** The first failure of the run, or null. */
  error: string | null;
}

/** What one sweep did, per duty. */
export type SweepReport = Record<string, DutyRunReport>;

export interface SweeperOptions {
  log: Pick<FastifyBaseLogger, 'info' | 'error'>;
  /** The duties to run, in order; by default every registered one (duties.ts). */
  duties?: readonly Duty[];
  /** Pause between sweeps (CAREDESK_SWEEP_INTERVAL_MS); 0: no sweeps but those asked for with sweepNow(). */
  intervalMs: number;
  /** Rows claimed, acted on and committed per transaction; default CAREDESK_SWEEP_BATCH_SIZE, else `defaultBatchSize`. */
  batchSize?: number;
  /**
   * Batches of one duty claimed and acted on at once, each in its own transaction on its own
   * connection (FOR UPDATE SKIP LOCKED keeps them apart). Default CAREDESK_SWEEP_CONCURRENCY; at
   * most DATABASE_POOL_SIZE − 1, so requests keep a connection; always 1 on PGlite (one connection).
   */
  concurrency?: number;
  /** A row whose action failed is due again this long after the failure. */
  retryMs?: number;
  /** How often sweeps that found nothing due record that they looked (the only write of an idle sweep). */
  heartbeatMs?: number;
}

export interface Sweeper {
  /**
   * Sweeps now (after the sweep under way, if any) and answers what it did: tests call it after
   * moving the clock. Asked again before that sweep starts, it answers the same sweep.
   */
  sweepNow(): Promise<SweepReport>;
  /** Lets the batches under way commit, starts no other, and stops the timer. */
  stop(): Promise<void>;
}

export const sweeperDefaults = { retryMs: 5 * 60_000, heartbeatMs: 60_000 };

/**
 * A batch's statements cost the same for 100 rows or 500 (1M tickets, 10k due: 2.24 s at 100,
 * 1.87 s at 500, BENCHMARKS "Background sweep"), while its rows stay locked until it commits. On
 * PGlite a batch holds the only connection, so requests wait for it: smaller there.
 */
export const defaultBatchSize = (engine: Deps['database']['engine']): number => (engine === 'pglite' ? 100 : 500);

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 1000);

type BatchCounts = Omit<DutyRunReport, 'error' | 'retried'>;

/** An action failed in a batch run without savepoints: the batch rolls back and runs again, row by row. */
class ActionFailed extends Error {}

/**
 * Runs the duties every `intervalMs` in this process. Any number of processes may sweep one
 * database, and each runs `concurrency` batches of a duty at once: each batch claims its rows with
 * FOR UPDATE SKIP LOCKED and commits the actions with the change of their due times, so every
 * action happens once; a process that dies mid-batch commits nothing of it, and its rows are due
 * for the next sweep. A row whose action throws is rolled back to its savepoint and postponed by
 * `retryMs`, so it cannot hold up the rows behind it. Savepoints cost two round trips a row, so a
 * batch first runs without them; if an action throws there, the whole batch rolls back and runs
 * again with one savepoint per row.
 */
export function startSweeper(deps: Deps, options: SweeperOptions): Sweeper {
  const o = { ...sweeperDefaults, duties: registeredDuties, ...options, batchSize: options.batchSize ?? deps.config.CAREDESK_SWEEP_BATCH_SIZE ?? defaultBatchSize(deps.database.engine) };
  const { db, clock } = deps;
  const log = o.log;
  const concurrency =
    deps.database.engine === 'pglite' ? 1 : Math.max(1, Math.min(o.concurrency ?? deps.config.CAREDESK_SWEEP_CONCURRENCY, deps.config.DATABASE_POOL_SIZE - 1));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastHeartbeat = Number.NEGATIVE_INFINITY;
  let sweeping: Promise<unknown> = Promise.resolve();

  interface Run {
    duty: Duty;
    now: Date;
    /** Rows acted on in committed batches of this run: one claimed again was left due by its action, a broken duty, not a second action. */
    acted: Set<string>;
    failures: { message: string; orgId: number | null }[];
  }

  /** One transaction: claims a batch and acts on each row; `careful`, with a savepoint per row, else all or nothing. */
  async function claimAndAct(run: Run, careful: boolean): Promise<BatchCounts> {
    const { duty, now } = run;
    const committed: string[] = [];
    const counts = await db.transaction().execute(async (trx) => {
      const counts: BatchCounts = { claimed: 0, done: 0, skipped: 0, failed: 0 };
      // All or nothing, the batch's changes are written together; row by row, each at once (a savepoint undoes its own).
      const gathered = gatherWrites(deps.config, now);
      const write = careful ? writeAtOnce(trx, deps.config, now) : gathered;
      for (const row of await duty.claim(trx, now, o.batchSize)) {
        counts.claimed += 1;
        const key = `${row.org_id}:${row.id}`;
        if (careful) await sql`savepoint sweep_row`.execute(trx);
        try {
          if (run.acted.has(key)) throw new Error(`${duty.name} acted on this row before in the same run and left it due`);
          const outcome: DutyOutcome = await duty.act(trx, row, { deps, now, write });
          if (careful) await sql`release savepoint sweep_row`.execute(trx);
          committed.push(key);
          counts[outcome] += 1;
        } catch (error) {
          if (!careful) throw new ActionFailed(describeError(error));
          await sql`rollback to savepoint sweep_row`.execute(trx);
          // A deadlock with another batch is no fault of the row: it goes again within a second.
          await duty.postpone(trx, row, new Date(now.getTime() + (isTransientConflict(error) ? Math.min(o.retryMs, 1_000) : o.retryMs)));
          counts.failed += 1;
          run.failures.push({ message: describeError(error), orgId: row.org_id });
          log.error({ err: error, duty: duty.name, org_id: row.org_id, id: row.id }, 'sweeper: a due row failed; it is tried again later');
        }
      }
      try {
        await gathered.flush(trx);
      } catch (error) {
        throw new ActionFailed(describeError(error));
      }
      return counts;
    });
    for (const key of committed) run.acted.add(key);
    return counts;
  }

  async function runDuty(duty: Duty, now: Date): Promise<DutyRunReport | null> {
    const report: DutyRunReport = { claimed: 0, done: 0, skipped: 0, failed: 0, retried: 0, error: null };
    const run: Run = { duty, now, acted: new Set(), failures: [] };
    // A batch that failed as a whole (not one of its rows) ends the run: the others finish theirs and start no other.
    let halted = false;
    const work = async () => {
      let claimed: number;
      do {
        const batch = await claimAndAct(run, false).catch((error: unknown) => {
          if (!(error instanceof ActionFailed)) throw error;
          log.info({ duty: duty.name, err: error }, 'sweeper: a batch rolled back; it runs again row by row');
          report.retried += 1;
          return claimAndAct(run, true);
        });
        // Counted once committed: a batch that rolled back did nothing.
        for (const k of ['claimed', 'done', 'skipped', 'failed'] as const) report[k] += batch[k];
        claimed = batch.claimed;
      } while (claimed === o.batchSize && !stopped && !halted);
    };
    try {
      if (!(await duty.hasDue(db, now))) return null;
      await recordRunStarted(db, duty.name, now);
      const workers = await Promise.allSettled(
        Array.from({ length: concurrency }, () =>
          work().catch((error: unknown) => {
            halted = true;
            throw error;
          }),
        ),
      );
      for (const w of workers) if (w.status === 'rejected') throw w.reason;
    } catch (error) {
      // The batch under way rolled back: its rows are still due, for the next sweep.
      run.failures.push({ message: describeError(error), orgId: null });
      log.error({ err: error, duty: duty.name }, 'sweeper: the run failed; what it had not committed is left for the next sweep');
    }
    const failure = run.failures.at(0);
    report.error = failure?.message ?? null;
    const { error, ...counts } = report;
    await recordRunFinished(db, duty.name, {
      startedAt: now,
      finishedAt: clock.now(),
      status: failure ? 'failed' : 'ok',
      error,
      errorOrgId: failure?.orgId ?? null,
      counts,
    }).catch((e: unknown) => log.error({ err: e, duty: duty.name }, 'sweeper: could not record the run'));
    if (report.claimed > 0) log.info({ duty: duty.name, ...counts }, 'sweeper: duty ran');
    return report;
  }

  async function sweep(): Promise<SweepReport> {
    const report: SweepReport = {};
    const idle: string[] = [];
    for (const duty of o.duties) {
      if (stopped) break;
      const ran = await runDuty(duty, clock.now());
      report[duty.name] = ran ?? { claimed: 0, done: 0, skipped: 0, failed: 0, retried: 0, error: null };
      if (!ran) idle.push(duty.name);
    }
    const now = clock.now();
    if (idle.length && now.getTime() - lastHeartbeat >= o.heartbeatMs) {
      lastHeartbeat = now.getTime();
      await recordChecks(db, idle, now).catch((error: unknown) => log.error({ err: error }, 'sweeper: could not record the check'));
    }
    return report;
  }

  // A sweep asked for while one waits to start is that one: it sees whatever is due when it starts.
  let waiting: Promise<SweepReport> | null = null;
  const sweepNow = (): Promise<SweepReport> => {
    if (waiting) return waiting;
    const run = sweeping.then(() => {
      waiting = null;
      return stopped ? {} : sweep();
    });
    waiting = run;
    sweeping = run.catch(() => undefined);
    return run;
  };

  const schedule = () => {
    timer = setTimeout(tick, o.intervalMs);
    timer.unref();
  };
  const tick = () => {
    timer = undefined;
    void sweepNow()
      .catch((error: unknown) => log.error({ err: error }, 'sweeper: sweep failed'))
      .finally(() => {
        if (!stopped) schedule();
      });
  };
  // The first sweep (and with it what came due while no process swept) waits an interval, off the start's path.
  if (o.intervalMs > 0) schedule();

  return {
    sweepNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await sweeping;
    },
  };
}
