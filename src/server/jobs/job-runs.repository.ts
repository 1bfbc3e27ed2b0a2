import type { Selectable } from 'kysely';
import type { JobRunsTable } from '../platform/db/schema.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

export type JobRunRow = Selectable<JobRunsTable>;

export interface FinishedRun {
  startedAt: Date;
  finishedAt: Date;
  status: 'ok' | 'failed';
  error: string | null;
  /** The workspace of the row whose error this is; null for a failure of the run itself. */
  errorOrgId: number | null;
  counts: Record<string, number>;
}

/** A run that found rows due begins: while it lasts (or if its process dies) it started after it last finished. */
export async function recordRunStarted(db: Db, duty: string, at: Date): Promise<void> {
  await db
    .insertInto('job_runs')
    .values({ duty, last_started_at: at })
    .onConflict((oc) => oc.column('duty').doUpdateSet({ last_started_at: at }))
    .execute();
}

export async function recordRunFinished(db: Db, duty: string, run: FinishedRun): Promise<void> {
  const values = {
    last_started_at: run.startedAt,
    last_finished_at: run.finishedAt,
    last_status: run.status,
    last_error: run.error,
    last_error_org_id: run.errorOrgId,
    last_counts: JSON.stringify(run.counts),
    last_checked_at: run.finishedAt,
  };
  await db
    .insertInto('job_runs')
    .values({ duty, ...values, total_runs: 1 })
    .onConflict((oc) => oc.column('duty').doUpdateSet((eb) => ({ ...values, total_runs: eb('job_runs.total_runs', '+', 1) })))
    .execute();
}

/** Sweeps that found nothing due looked at `at`. */
export async function recordChecks(db: Db, dutyNames: readonly string[], at: Date): Promise<void> {
  if (dutyNames.length === 0) return;
  await db
    .insertInto('job_runs')
    .values(dutyNames.map((duty) => ({ duty, last_checked_at: at })))
    .onConflict((oc) => oc.column('duty').doUpdateSet({ last_checked_at: at }))
    .execute();
}

export const listJobRuns = (db: Db) => db.selectFrom('job_runs').selectAll().orderBy('duty').execute();
