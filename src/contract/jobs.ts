import { z } from 'zod';
import { timestamp } from './common.ts';

/** One duty of the background sweeper and its last run (DESIGN.md §5 "Background work"). */
export const job = z
  .object({
    duty: z.string().describe('auto_close, pending_reminder, …'),
    last_started_at: timestamp.nullable().describe('The last run that found rows due; later than last_finished_at while one runs (or if its process died)'),
    last_finished_at: timestamp.nullable(),
    last_status: z.enum(['ok', 'failed']).nullable().describe('failed: a row (tried again later) or the run itself failed'),
    last_error: z.string().nullable().describe("What failed; only the failing row's own workspace reads its error"),
    last_counts: z.record(z.string(), z.number()).describe('Rows of the last run: claimed, done, skipped (no longer due), failed; retried: batches run again row by row after an action failed'),
    total_runs: z.number().describe('Runs that found rows due, in every process'),
    last_checked_at: timestamp.nullable().describe('When a sweep last looked, recorded at most once a minute: sweeps that find nothing due write nothing'),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof job>;

export const jobList = z
  .object({
    items: z.array(job),
    next_cursor: z.null(),
    sweep_interval_ms: z.number().describe('How often this server process sweeps (CAREDESK_SWEEP_INTERVAL_MS); 0: it does not, another process does'),
  })
  .meta({ id: 'JobList' });
export type JobList = z.infer<typeof jobList>;
