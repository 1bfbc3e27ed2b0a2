import { DateTime } from 'luxon';
import { maxRangeYears, type reportIntervals, type reportPresets } from '../../contract/reports.ts';
import { AppError } from '../platform/errors.ts';

export type Preset = (typeof reportPresets)[number];
export type Interval = (typeof reportIntervals)[number];

export interface RangeInput {
  preset?: Preset;
  from?: string;
  to?: string;
  interval?: Interval;
}

export interface ReportRange {
  /** Days in the workspace time zone, both inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  timeZone: string;
  interval: Interval;
  /** The range as instants: the start of `from` and the start of the day after `to` in the zone (DST days are 23 or 25 hours). */
  start: Date;
  end: Date;
  previous: { from: string; to: string; start: Date; end: Date };
}

const refuse = (field: string, message: string) => new AppError('validation_error', `${field}: ${message}`, [{ field, message }]);

const dayIn = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).startOf('day');
const isoDay = (d: DateTime) => d.toISODate()!;

/** The interval a range charts in unless asked: days up to two months, weeks up to a year, months beyond. */
export function defaultInterval(days: number): Interval {
  if (days <= 62) return 'day';
  if (days <= 366) return 'week';
  return 'month';
}

/**
 * The days a report covers, in the workspace's time zone: a preset counted back from today, or
 * from–to (custom). Reversed ranges, ranges over two years and a preset mixed with days are refused
 * with the field to fix.
 */
export function resolveRange(input: RangeInput, timeZone: string, now: Date): ReportRange {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const custom = input.preset === 'custom' || (input.preset === undefined && (input.from !== undefined || input.to !== undefined));
  let first: DateTime;
  let last: DateTime;
  if (custom) {
    if (input.from === undefined) throw refuse('query.from', 'a custom range needs from (YYYY-MM-DD)');
    if (input.to === undefined) throw refuse('query.to', 'a custom range needs to (YYYY-MM-DD)');
    first = dayIn(input.from, timeZone);
    last = dayIn(input.to, timeZone);
    if (!first.isValid) throw refuse('query.from', 'not a day');
    if (!last.isValid) throw refuse('query.to', 'not a day');
    if (last < first) throw refuse('query.to', `the range ends (${input.to}) before it starts (${input.from})`);
    if (last >= first.plus({ years: maxRangeYears })) throw refuse('query.to', `the range is longer than ${maxRangeYears} years`);
  } else {
    if (input.from !== undefined) throw refuse('query.from', `from and to go with preset=custom, not ${input.preset}`);
    if (input.to !== undefined) throw refuse('query.to', `from and to go with preset=custom, not ${input.preset}`);
    last = today;
    switch (input.preset ?? 'last_30_days') {
      case 'today':
        first = today;
        break;
      case 'last_7_days':
        first = today.minus({ days: 6 });
        break;
      case 'this_month':
        first = today.startOf('month');
        break;
      default:
        first = today.minus({ days: 29 });
    }
  }
  const days = Math.round(last.diff(first, 'days').days) + 1;
  const previousLast = first.minus({ days: 1 });
  const previousFirst = previousLast.minus({ days: days - 1 });
  return {
    from: isoDay(first),
    to: isoDay(last),
    timeZone,
    interval: input.interval ?? defaultInterval(days),
    start: first.toJSDate(),
    end: last.plus({ days: 1 }).toJSDate(),
    previous: { from: isoDay(previousFirst), to: isoDay(previousLast), start: previousFirst.toJSDate(), end: first.toJSDate() },
  };
}

/** The first day of each bucket the range touches (weeks start on Monday, as PostgreSQL's date_trunc does). */
export function bucketStarts(range: Pick<ReportRange, 'from' | 'to' | 'timeZone' | 'interval'>): string[] {
  const unit = range.interval;
  const last = dayIn(range.to, range.timeZone);
  const out: string[] = [];
  for (let d = dayIn(range.from, range.timeZone).startOf(unit); d <= last; d = d.plus({ [`${unit}s`]: 1 }).startOf(unit)) out.push(isoDay(d));
  return out;
}
