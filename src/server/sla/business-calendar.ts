import { DateTime, IANAZone } from 'luxon';
import { weekdays, type BusinessCalendar } from '../../contract/calendars.ts';

// Business-time arithmetic: SLA due times count only the working time of a calendar.
//
// Working time is a list of instant intervals: for every local date that is not a holiday, each
// range of its weekday runs from the instant its start is shown on the local clock to the instant
// its end is. A wall-clock time becomes "the first instant at which the local clock shows that
// time or later" (luxon converts; we only pick among its answers):
// - spring forward: a time inside the skipped hour becomes the instant the clocks jump, so a
//   range over the gap is shorter by it (08:00–17:00 stays 9 h; 02:00–04:00 is 1 h; 02:00–03:00
//   on that day is empty);
// - fall back: a repeated time is its first occurrence, so a range that spans the repeated hour
//   counts it twice as real time (00:00–24:00 is 25 h; 01:00–04:00 is 4 h);
// - 24:00 is 00:00 of the next date through the same rule, so 22:00–24:00 and 00:00–02:00 of
//   the next day join without a seam even when midnight itself is skipped or repeated.
// The rule is monotonic, so all intervals, across days, are sorted and never overlap.

const minuteMs = 60_000;
const dayMs = 86_400_000;
/** A calendar with no working time within this many days is treated as having none at all. */
const scanLimitDays = 3 * 366;

type Interval = readonly [start: number, end: number];

/** A business calendar compiled for arithmetic; build it with `workingCalendar`. */
export interface WorkingCalendar {
  readonly zone: IANAZone;
  readonly alwaysOpen: boolean;
  /** Index 0 = Monday: sorted, merged [startMinute, endMinute) of local wall-clock time, end ≤ 1440. */
  readonly week: readonly (readonly Interval[])[];
  /** Working milliseconds of a week without holidays or clock changes. */
  readonly weekMs: number;
  /** Local dates as days since 1970-01-01. */
  readonly holidays: ReadonlySet<number>;
}

export type CalendarDefinition = Pick<BusinessCalendar, 'time_zone' | 'always_open' | 'hours' | 'holidays'>;

/** Compiles a calendar (as the contract parses it): ranges sorted and merged per weekday, holidays as a set. */
export function workingCalendar(definition: CalendarDefinition): WorkingCalendar {
  if (!IANAZone.isValidZone(definition.time_zone)) throw new RangeError(`unknown time zone: ${definition.time_zone}`);
  const week = weekdays.map((day) => mergeRanges(definition.hours[day].map((r) => [minutesOf(r.start), minutesOf(r.end)] as const)));
  const weekMinutes = week.flat().reduce((sum, [start, end]) => sum + end - start, 0);
  return {
    zone: IANAZone.create(definition.time_zone),
    alwaysOpen: definition.always_open,
    week,
    weekMs: weekMinutes * minuteMs,
    holidays: new Set(definition.holidays.map((h) => dayNumber(Date.parse(h.date)))),
  };
}

/**
 * The instant at which `ms` of working time has elapsed counting from `from`; outside working
 * hours the clock starts at the next opening. With `ms` = 0 it is the next working instant
 * (`from` itself when working), so a due time is never outside working time. A positive
 * duration can end exactly at the close of a range. Throws when no working time is in reach.
 */
export function addBusinessTime(cal: WorkingCalendar, from: Date, ms: number): Date {
  const start = instantOf(from);
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`business time must be a whole number of ms ≥ 0, got ${ms}`);
  if (cal.alwaysOpen) return new Date(start + ms);
  if (cal.weekMs === 0) throw noWorkingTime(from);
  let remaining = ms;
  let idleDays = 0;
  for (let day = firstDayReaching(cal, start); ; day += 1) {
    // A whole week is skipped only when the due time lies beyond it.
    if (remaining > cal.weekMs) {
      const week = plainWeek(cal, day);
      if (week && week[0] >= start) {
        remaining -= cal.weekMs;
        day += 6;
        idleDays = 0;
        continue;
      }
    }
    let worked = false;
    for (const [a, b] of dayIntervals(cal, day)) {
      if (b <= start) continue;
      const begin = Math.max(a, start);
      if (remaining <= b - begin) return new Date(begin + remaining);
      remaining -= b - begin;
      worked = true;
    }
    idleDays = worked ? 0 : idleDays + 1;
    if (idleDays > scanLimitDays) throw noWorkingTime(from);
  }
}

/** Working milliseconds in [from, to); 0 when `to` is not after `from`. */
export function businessTimeBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  const start = instantOf(from);
  const end = instantOf(to);
  if (end <= start) return 0;
  if (cal.alwaysOpen) return end - start;
  const lastDay = localDay(cal, end);
  let total = 0;
  // Past the date of `end` only while a clock change left that date's midnight before `end`.
  for (let day = firstDayReaching(cal, start); day <= lastDay || wallClockInstant(cal.zone, day, 0) < end; day += 1) {
    if (cal.weekMs > 0 && day + 7 <= lastDay) {
      const week = plainWeek(cal, day);
      if (week && week[0] >= start && week[1] <= end) {
        total += cal.weekMs;
        day += 6;
        continue;
      }
    }
    for (const [a, b] of dayIntervals(cal, day)) {
      const lo = Math.max(a, start);
      const hi = Math.min(b, end);
      if (hi > lo) total += hi - lo;
    }
  }
  return total;
}

/** Whether `at` is inside a working range (ranges are closed at their start, open at their end). */
export function isWorkingTime(cal: WorkingCalendar, at: Date): boolean {
  const t = instantOf(at);
  if (cal.alwaysOpen) return true;
  // A date's ranges start at or after its midnight, so later dates cannot hold `t`.
  for (let d = firstDayReaching(cal, t); wallClockInstant(cal.zone, d, 0) <= t; d += 1) {
    if (dayIntervals(cal, d).some(([a, b]) => a <= t && t < b)) return true;
  }
  return false;
}

/** `at` when it is working time, else the next opening. Throws when no working time is in reach. */
export function nextWorkingInstant(cal: WorkingCalendar, at: Date): Date {
  return addBusinessTime(cal, at, 0);
}

function noWorkingTime(from: Date): Error {
  return new Error(`the business calendar has no working time within ${scanLimitDays} days after ${from.toISOString()}`);
}

function instantOf(date: Date): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid date');
  return t;
}

/** The intervals of working time of one local date, in order; none on a holiday. */
function dayIntervals(cal: WorkingCalendar, day: number): Interval[] {
  if (cal.holidays.has(day)) return [];
  const out: Interval[] = [];
  for (const [startMinute, endMinute] of cal.week[weekdayIndex(day)]) {
    const a = wallClockInstant(cal.zone, day, startMinute);
    const b = wallClockInstant(cal.zone, day, endMinute);
    if (a < b) out.push([a, b]); // empty when the whole range lies in a skipped hour
  }
  return out;
}

/**
 * The real-time bounds of the week starting at local date `day` when its working time is exactly
 * `weekMs`: no holiday and one UTC offset throughout. Offsets are sampled at each midnight (and
 * just before the first), which finds any clock change unless two happen within one day.
 */
function plainWeek(cal: WorkingCalendar, day: number): Interval | null {
  for (let d = day; d < day + 7; d += 1) if (cal.holidays.has(d)) return null;
  const start = wallClockInstant(cal.zone, day, 0);
  const offset = cal.zone.offset(start);
  if (cal.zone.offset(start - 1) !== offset) return null;
  for (let k = 1; k <= 7; k += 1) if (cal.zone.offset(start + k * dayMs) !== offset) return null;
  return [start, start + 7 * dayMs];
}

/** The first instant at which the local clock of `zone` shows `minute` of local date `day` or later. */
function wallClockInstant(zone: IANAZone, day: number, minute: number): number {
  if (minute >= 1440) return wallClockInstant(zone, day + 1, minute - 1440);
  const date = new Date(day * dayMs);
  const wall = day * dayMs + minute * minuteMs; // the wall-clock reading written as if it were UTC
  const dt = DateTime.fromObject(
    { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: Math.floor(minute / 60), minute: minute % 60 },
    { zone },
  );
  const at = dt.toMillis();
  if (Number.isNaN(at)) throw new RangeError(`cannot place local time in ${zone.name}`);
  const offsetMs = dt.offset * minuteMs;
  // Luxon moves a skipped time forward by the gap; the range instead starts where the gap ends.
  if (at + offsetMs !== wall) return gapEnd(zone, wall, wall - offsetMs, at);
  // Luxon picks the second occurrence of a repeated time; take the first when there is one.
  const earlier = zone.offset(at - dayMs - 3_600_000);
  if (earlier > dt.offset) {
    const first = wall - earlier * minuteMs;
    if (zone.offset(first) === earlier) return first;
  }
  return at;
}

/** The smallest instant in (before, after] whose local clock reads `wall` or later: the clock change. */
function gapEnd(zone: IANAZone, wall: number, before: number, after: number): number {
  let lo = before;
  let hi = after;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + zone.offset(mid) * minuteMs >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The first local date whose ranges can reach `t`: the date of `t`, or the one before when a clock
 * change moved that date's midnight past `t` (its ranges all end by that midnight otherwise).
 */
function firstDayReaching(cal: WorkingCalendar, t: number): number {
  const day = localDay(cal, t);
  return wallClockInstant(cal.zone, day, 0) <= t ? day : day - 1;
}

/** The local date of an instant, as days since 1970-01-01. */
function localDay(cal: WorkingCalendar, t: number): number {
  const dt = DateTime.fromMillis(t, { zone: cal.zone });
  return Date.UTC(dt.year, dt.month - 1, dt.day) / dayMs;
}

function dayNumber(utcMidnight: number): number {
  return Math.round(utcMidnight / dayMs);
}

/** 0 = Monday; 1970-01-01 was a Thursday. */
function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Sorts ranges and joins overlapping or touching ones, so that each boundary is a real opening or closing. */
function mergeRanges(ranges: readonly Interval[]): Interval[] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
