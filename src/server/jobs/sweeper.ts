import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type { Deps } from '../platform/deps.ts';
import { duties as registeredDuties } from './duties.ts';
import type { Duty, DutyOutcome } from './duty.ts';
import { recordChecks, recordRunFinished, recordRunStarted } from './job-runs.repository.ts';

export interface DutyRunReport {
  /** Rows claimed, each of which was done, skipped (no longer needed) or failed (tried again later). */
  claimed: number;
  done: number;
  skipped: number;
  failed: number;
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
  /** Rows claimed, acted on and committed per transaction. */
  batchSize?: number;
  /** A row whose action failed is due again this long after the failure. */
  retryMs?: number;
  /** How often sweeps that found nothing due record that they looked (the only write of an idle sweep). */
  heartbeatMs?: number;
}

export interface Sweeper {
  /** Sweeps now (after the sweep under way, if any) and answers what it did: tests call it after moving the clock. */
  sweepNow(): Promise<SweepReport>;
  /** Lets the batch under way commit, starts no other, and stops the timer. */
  stop(): Promise<void>;
}

export const sweeperDefaults = { batchSize: 100, retryMs: 5 * 60_000, heartbeatMs: 60_000 };

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 1000);

/**
 * Runs the duties every `intervalMs` in this process. Any number of processes may sweep one
 * database: each batch claims its rows with FOR UPDATE SKIP LOCKED and commits the actions with
 * the change of their due times, so every action happens once; a process that dies mid-batch
 * commits nothing of it, and its rows are due for the next sweep. A row whose action throws is
 * rolled back to its savepoint and postponed by `retryMs`, so it cannot hold up the rows behind it.
 */
export function startSweeper(deps: Deps, options: SweeperOptions): Sweeper {
  const o = { ...sweeperDefaults, duties: registeredDuties, ...options };
  const { db, clock } = deps;
  const log = o.log;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastHeartbeat = Number.NEGATIVE_INFINITY;
  let sweeping: Promise<unknown> = Promise.resolve();

  async function runDuty(duty: Duty, now: Date): Promise<DutyRunReport | null> {
    const report: DutyRunReport = { claimed: 0, done: 0, skipped: 0, failed: 0, error: null };
    const failures: { message: string; orgId: number | null }[] = [];
    // A row claimed again in the same run was left due by its action: a broken duty, not a second action.
    const acted = new Set<string>();
    try {
      if (!(await duty.hasDue(db, now))) return null;
      await recordRunStarted(db, duty.name, now);
      let claimed: number;
      do {
        const batch = await db.transaction().execute(async (trx) => {
          const counts = { claimed: 0, done: 0, skipped: 0, failed: 0 };
          for (const row of await duty.claim(trx, now, o.batchSize)) {
            counts.claimed += 1;
            const key = `${row.org_id}:${row.id}`;
            await sql`savepoint sweep_row`.execute(trx);
            try {
              if (acted.has(key)) throw new Error(`${duty.name} acted on this row before in the same run and left it due`);
              const outcome: DutyOutcome = await duty.act(trx, row, { deps, now });
              await sql`release savepoint sweep_row`.execute(trx);
              acted.add(key);
              counts[outcome] += 1;
            } catch (error) {
              await sql`rollback to savepoint sweep_row`.execute(trx);
              await duty.postpone(trx, row, new Date(now.getTime() + o.retryMs));
              counts.failed += 1;
              failures.push({ message: describeError(error), orgId: row.org_id });
              log.error({ err: error, duty: duty.name, org_id: row.org_id, id: row.id }, 'sweeper: a due row failed; it is tried again later');
            }
          }
          return counts;
        });
        // Counted once committed: a batch that rolled back did nothing.
        for (const k of ['claimed', 'done', 'skipped', 'failed'] as const) report[k] += batch[k];
        claimed = batch.claimed;
      } while (claimed === o.batchSize && !stopped);
    } catch (error) {
      // The batch under way rolled back: its rows are still due, for the next sweep.
      failures.push({ message: describeError(error), orgId: null });
      log.error({ err: error, duty: duty.name }, 'sweeper: the run failed; what it had not committed is left for the next sweep');
    }
    const failure = failures.at(0);
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
      report[duty.name] = ran ?? { claimed: 0, done: 0, skipped: 0, failed: 0, error: null };
      if (!ran) idle.push(duty.name);
    }
    const now = clock.now();
    if (idle.length && now.getTime() - lastHeartbeat >= o.heartbeatMs) {
      lastHeartbeat = now.getTime();
      await recordChecks(db, idle, now).catch((error: unknown) => log.error({ err: error }, 'sweeper: could not record the check'));
    }
    return report;
  }

  const sweepNow = (): Promise<SweepReport> => {
    const run = sweeping.then(() => (stopped ? {} : sweep()));
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
