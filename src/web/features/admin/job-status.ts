import type { Job } from '../../../contract/jobs.ts';
import type { BadgeTone } from '../../components/ui/badge.tsx';

/** The duties the app has a name for; another one shows its key. */
export const knownDuties = ['inbound_mail', 'auto_close', 'pending_reminder', 'sla_warning', 'escalation'] as const;
export type KnownDuty = (typeof knownDuties)[number];
export const isKnownDuty = (duty: string): duty is KnownDuty => (knownDuties as readonly string[]).includes(duty);

export type JobState = 'never' | 'idle' | 'running' | 'ok' | 'failed';

/**
 * Where a duty stands: running (started after it last finished), how its last run ended, or with
 * no run yet, whether a sweep has looked (idle: nothing was due) or not even that (never).
 */
export function jobState(job: Pick<Job, 'last_started_at' | 'last_finished_at' | 'last_status' | 'last_checked_at'>): JobState {
  if (job.last_started_at && (!job.last_finished_at || Date.parse(job.last_started_at) > Date.parse(job.last_finished_at))) return 'running';
  return job.last_status ?? (job.last_checked_at ? 'idle' : 'never');
}

export const jobStateTone: Record<JobState, BadgeTone> = { never: 'neutral', idle: 'neutral', running: 'amber', ok: 'green', failed: 'red' };

/** The counts of a run in a steady order (claimed, done, skipped, failed, then any other the server adds). */
export function orderedCounts(counts: Record<string, number>): [string, number][] {
  const order = ['claimed', 'done', 'skipped', 'failed', 'retried'];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.entries(counts).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}
