import type { Job, JobList } from '../../contract/jobs.ts';
import type { Deps } from '../platform/deps.ts';
import { isoOrNull } from '../platform/dto.ts';
import { duties } from './duties.ts';
import { listJobRuns, type JobRunRow } from './job-runs.repository.ts';

const neverRun = (duty: string): Job => ({
  duty,
  last_started_at: null,
  last_finished_at: null,
  last_status: null,
  last_error: null,
  last_counts: {},
  total_runs: 0,
  last_checked_at: null,
});

/** The sweeper serves every workspace: an error about another workspace's row is not this admin's to read. */
function toJob(r: JobRunRow, orgId: number): Job {
  const isOthers = r.last_error !== null && r.last_error_org_id !== null && r.last_error_org_id !== orgId;
  return {
    duty: r.duty,
    last_started_at: isoOrNull(r.last_started_at),
    last_finished_at: isoOrNull(r.last_finished_at),
    last_status: r.last_status,
    last_error: isOthers ? "A row of another workspace failed; the server's log names it" : r.last_error,
    last_counts: r.last_counts,
    total_runs: Number(r.total_runs),
    last_checked_at: isoOrNull(r.last_checked_at),
  };
}

/** Each duty of the background sweeper with its last run, as an admin of `orgId` may see it. */
export async function listJobs(deps: Deps, orgId: number): Promise<JobList> {
  const rows = new Map((await listJobRuns(deps.db)).map((r) => [r.duty, r]));
  const names = [...new Set([...duties.map((d) => d.name), ...rows.keys()])];
  return {
    items: names.map((name) => {
      const row = rows.get(name);
      return row ? toJob(row, orgId) : neverRun(name);
    }),
    next_cursor: null,
    sweep_interval_ms: deps.config.CAREDESK_SWEEP_INTERVAL_MS,
  };
}
