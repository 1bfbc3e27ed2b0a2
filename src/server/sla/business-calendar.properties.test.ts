import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessCalendar, weekdays, type BusinessCalendarInput, type WorkingRange } from '../../contract/calendars.ts';
import { addBusinessTime, businessTimeBetween, isWorkingTime, nextWorkingInstant, workingCalendar } from './business-calendar.ts';

// Random calendars that the contract accepts, in zones with clock changes at 02:00 (Berlin, New
// York), at midnight (Santiago), by half an hour (Lord Howe), or none (Jakarta, Kolkata, UTC),
// and instants near the 2026/27 clock changes as well as anywhere in those two years.

const hour = 3_600_000;
const day = 24 * hour;
const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Jakarta', 'Asia/Kolkata'];
const clockChanges = [
  '2026-03-08T07:00Z', '2026-03-29T01:00Z', '2026-04-04T15:00Z', '2026-04-05T03:00Z', '2026-09-06T04:00Z', '2026-10-03T15:30Z',
  '2026-10-25T01:00Z', '2026-11-01T06:00Z', '2027-03-28T01:00Z', '2027-10-31T01:00Z',
].map((text) => Date.parse(text));
const windowStart = Date.UTC(2026, 0, 1);
const windowEnd = Date.UTC(2027, 11, 31);

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Boundaries on whole hours, quarter hours or any minute, paired in order into ranges. */
const dayHours: fc.Arbitrary<WorkingRange[]> = fc
  .uniqueArray(fc.oneof(fc.integer({ min: 0, max: 24 }).map((h) => h * 60), fc.integer({ min: 0, max: 96 }).map((q) => q * 15), fc.integer({ min: 0, max: 1440 })), { maxLength: 8 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const ranges: WorkingRange[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push({ start: clock(sorted[i]), end: clock(sorted[i + 1]) });
    return ranges;
  });

const definition: fc.Arbitrary<BusinessCalendarInput> = fc
  .record({
    time_zone: fc.constantFrom(...zones),
    always_open: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    hours: fc.record(Object.fromEntries(weekdays.map((d) => [d, dayHours])) as Record<(typeof weekdays)[number], fc.Arbitrary<WorkingRange[]>>),
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 729 }), { maxLength: 40 }).map((days) =>
      days.map((n) => ({ date: new Date(windowStart + n * day).toISOString().slice(0, 10) })),
    ),
  })
  .map((d) => {
    const idle = weekdays.every((w) => d.hours[w].length === 0);
    return { name: 'Random', ...d, hours: idle ? { ...d.hours, wed: [{ start: '09:00', end: '17:00' }] } : d.hours };
  });

const instant = fc
  .oneof(
    fc.integer({ min: windowStart, max: windowEnd }),
    fc.tuple(fc.constantFrom(...clockChanges), fc.integer({ min: -2 * day, max: 2 * day })).map(([t, shift]) => t + shift),
  )
  .map((t) => new Date(t));

/** A calendar with durations from milliseconds up to six of its working weeks (so whole weeks get skipped). */
const scenario = definition.chain((input) => {
  const cal = workingCalendar(businessCalendar.parse(input));
  const weekMs = cal.alwaysOpen ? 7 * day : cal.weekMs;
  const duration = fc.oneof(fc.integer({ min: 0, max: 600_000 }), fc.integer({ min: 0, max: 6 * weekMs }));
  return fc.record({ input: fc.constant(input), cal: fc.constant(cal), from: instant, d1: duration, d2: duration });
});

const runs = { numRuns: 300 };

describe('business-time properties over random calendars', () => {
  it('adding then measuring business time gives back the duration', () => {
    fc.assert(
      fc.property(scenario, ({ cal, from, d1 }) => {
        const due = addBusinessTime(cal, from, d1);
        expect(due.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(businessTimeBetween(cal, from, due)).toBe(d1);
      }),
      runs,
    );
  });

  it('a due time is inside working time, or exactly at the end of a range', () => {
    fc.assert(
      fc.property(scenario, ({ cal, from, d1 }) => {
        const due = addBusinessTime(cal, from, d1);
        const justBefore = new Date(due.getTime() - 1);
        expect(isWorkingTime(cal, due) || (d1 > 0 && isWorkingTime(cal, justBefore))).toBe(true);
      }),
      runs,
    );
  });

  it('a longer duration is never due earlier', () => {
    fc.assert(
      fc.property(scenario, ({ cal, from, d1, d2 }) => {
        const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(addBusinessTime(cal, from, short).getTime()).toBeLessThanOrEqual(addBusinessTime(cal, from, long).getTime());
      }),
      runs,
    );
  });

  it('business time is additive and never exceeds real time', () => {
    fc.assert(
      fc.property(definition, instant, instant, instant, (input, x, y, z) => {
        const cal = workingCalendar(businessCalendar.parse(input));
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime());
        const whole = businessTimeBetween(cal, a, c);
        expect(businessTimeBetween(cal, a, b) + businessTimeBetween(cal, b, c)).toBe(whole);
        expect(whole).toBeLessThanOrEqual(c.getTime() - a.getTime());
      }),
      { numRuns: 150 },
    );
  });

  it('working time, the next working instant and measured time agree', () => {
    fc.assert(
      fc.property(scenario, ({ cal, from }) => {
        const working = isWorkingTime(cal, from);
        expect(businessTimeBetween(cal, from, new Date(from.getTime() + 1))).toBe(working ? 1 : 0);
        const next = nextWorkingInstant(cal, from);
        expect(isWorkingTime(cal, next)).toBe(true);
        expect(next.getTime() === from.getTime()).toBe(working);
        expect(businessTimeBetween(cal, from, next)).toBe(0);
      }),
      runs,
    );
  });
});
