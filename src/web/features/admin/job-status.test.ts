import { describe, expect, it } from 'vitest';
import { jobState, orderedCounts } from './job-status.ts';

describe('a background duty’s state', () => {
  it('is running while the last start is later than the last finish, else how the last run ended, else whether a sweep looked', () => {
    expect(jobState({ last_started_at: null, last_finished_at: null, last_status: null, last_checked_at: null })).toBe('never');
    expect(jobState({ last_started_at: null, last_finished_at: null, last_status: null, last_checked_at: '2026-01-01T10:00:00Z' })).toBe('idle');
    expect(jobState({ last_started_at: '2026-01-01T10:00:05Z', last_finished_at: '2026-01-01T10:00:00Z', last_status: 'ok', last_checked_at: null })).toBe('running');
    expect(jobState({ last_started_at: '2026-01-01T10:00:05Z', last_finished_at: null, last_status: null, last_checked_at: null })).toBe('running');
    expect(jobState({ last_started_at: '2026-01-01T10:00:00Z', last_finished_at: '2026-01-01T10:00:01Z', last_status: 'failed', last_checked_at: null })).toBe('failed');
    expect(jobState({ last_started_at: '2026-01-01T10:00:00Z', last_finished_at: '2026-01-01T10:00:01Z', last_status: 'ok', last_checked_at: null })).toBe('ok');
  });

  it('lists the counts of a run in a steady order, unknown ones last', () => {
    expect(orderedCounts({ failed: 1, extra: 4, done: 2, claimed: 3 })).toEqual([
      ['claimed', 3],
      ['done', 2],
      ['failed', 1],
      ['extra', 4],
    ]);
  });
});
