import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import { bucketStarts, resolveRange } from './report-range.ts';

const now = new Date('2026-11-30T20:00:00Z');
const hours = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3_600_000;
const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return ((error as AppError).details as { field: string }[])[0].field;
  }
  throw new Error('did not throw');
};

describe('report ranges', () => {
  it('counts presets back from today in the workspace time zone', () => {
    // 20:00 UTC is already 1 December in Jakarta (UTC+7).
    expect(resolveRange({ preset: 'today' }, 'Asia/Jakarta', now)).toMatchObject({ from: '2026-12-01', to: '2026-12-01' });
    expect(resolveRange({ preset: 'today' }, 'UTC', now)).toMatchObject({ from: '2026-11-30', to: '2026-11-30' });
    expect(resolveRange({ preset: 'last_7_days' }, 'UTC', now)).toMatchObject({ from: '2026-11-24', to: '2026-11-30', interval: 'day', previous: { from: '2026-11-17', to: '2026-11-23' } });
    expect(resolveRange({}, 'UTC', now)).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(resolveRange({ preset: 'this_month' }, 'Asia/Jakarta', now)).toMatchObject({ from: '2026-12-01', to: '2026-12-01' });
    const jakarta = resolveRange({ preset: 'today' }, 'Asia/Jakarta', now);
    expect(jakarta.start.toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(jakarta.end.toISOString()).toBe('2026-12-01T17:00:00.000Z');
  });

  it('takes a custom range from and to, both days inclusive', () => {
    const r = resolveRange({ from: '2026-01-01', to: '2026-12-31' }, 'UTC', now);
    expect(r).toMatchObject({ from: '2026-01-01', to: '2026-12-31', interval: 'week', previous: { from: '2025-01-01', to: '2025-12-31' } });
    expect(resolveRange({ preset: 'custom', from: '2025-01-01', to: '2026-12-31' }, 'UTC', now).interval).toBe('month');
    expect(resolveRange({ from: '2026-11-01', to: '2026-11-30', interval: 'month' }, 'UTC', now).interval).toBe('month');
  });

  it('has 23- and 25-hour days where the clocks change', () => {
    const spring = resolveRange({ from: '2026-03-29', to: '2026-03-29' }, 'Europe/Berlin', now);
    expect(hours(spring.start, spring.end)).toBe(23);
    const autumn = resolveRange({ from: '2026-11-01', to: '2026-11-01' }, 'America/New_York', now);
    expect(hours(autumn.start, autumn.end)).toBe(25);
    expect(autumn.start.toISOString()).toBe('2026-11-01T04:00:00.000Z');
  });

  it('refuses reversed, too long, half-given and mixed ranges, naming the field', () => {
    expect(fieldOf(() => resolveRange({ from: '2026-11-02', to: '2026-11-01' }, 'UTC', now))).toBe('query.to');
    expect(fieldOf(() => resolveRange({ from: '2024-01-01', to: '2026-01-01' }, 'UTC', now))).toBe('query.to');
    expect(resolveRange({ from: '2024-01-01', to: '2025-12-31' }, 'UTC', now).from).toBe('2024-01-01');
    expect(fieldOf(() => resolveRange({ preset: 'custom', to: '2026-01-01' }, 'UTC', now))).toBe('query.from');
    expect(fieldOf(() => resolveRange({ from: '2026-01-01' }, 'UTC', now))).toBe('query.to');
    expect(fieldOf(() => resolveRange({ preset: 'today', from: '2026-01-01' }, 'UTC', now))).toBe('query.from');
    expect(fieldOf(() => resolveRange({ from: '2026-02-30', to: '2026-03-01' }, 'UTC', now))).toBe('query.from');
  });

  it('buckets by day, by week from Monday and by month', () => {
    expect(bucketStarts({ from: '2026-11-28', to: '2026-12-02', timeZone: 'UTC', interval: 'day' })).toEqual(['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(bucketStarts({ from: '2026-11-28', to: '2026-12-09', timeZone: 'UTC', interval: 'week' })).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(bucketStarts({ from: '2026-01-31', to: '2026-03-01', timeZone: 'Europe/Berlin', interval: 'month' })).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
  });

  it('for any custom range up to two years: instants in order, the previous period as long and just before, a day bucket per day', () => {
    const zones = ['UTC', 'Asia/Jakarta', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 729 }), fc.constantFrom(...zones), (offset, length, zone) => {
        const first = DateTime.fromISO('2020-01-01', { zone }).plus({ days: offset });
        const from = first.toISODate()!;
        const to = first.plus({ days: length }).toISODate()!;
        const r = resolveRange({ from, to }, zone, now);
        expect(r.start < r.end).toBe(true);
        expect(Math.abs(hours(r.start, r.end) - (length + 1) * 24)).toBeLessThanOrEqual(2);
        expect(r.previous.end.getTime()).toBe(r.start.getTime());
        expect(hours(r.previous.start, r.previous.end) / 24).toBeCloseTo(length + 1, 0);
        const days = bucketStarts({ ...r, interval: 'day' });
        expect(days.length).toBe(length + 1);
        expect(days[0]).toBe(from);
        expect(days.at(-1)).toBe(to);
      }),
      { numRuns: 300 },
    );
  });
});
