import { currentLocale } from '../../i18n/languages.ts';
import { formatDuration } from '../../lib/format.ts';
import type { ReportInterval } from './report-filters.ts';

/** The figures of a report as people of the language read them; a missing figure is a dash, never 0. */

export const noFigure = '—';

/** A time to first response or resolution: seconds under a minute, else the app's two largest units. */
export function formatReportDuration(seconds: number | null, locale: string = currentLocale()): string {
  if (seconds === null) return noFigure;
  if (Math.abs(seconds) < 59.5) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(Math.round(Math.abs(seconds)));
  return formatDuration(seconds, locale);
}

/**
 * A share (0–1) as a percentage, cut rather than rounded up: 99.96 % of SLAs met is not "100 %".
 * One decimal where it says something (33.3 %), none for whole numbers.
 */
export function formatShare(share: number | null, locale: string = currentLocale()): string {
  if (share === null) return noFigure;
  const tenths = Math.trunc(Math.round(share * 100_000) / 100) / 10;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(tenths / 100);
}

export interface Trend {
  direction: 'up' | 'down' | 'flat';
  /** The change in whole percent, without its sign. */
  percent: number;
  /** The arrow and the percentage as shown: "↑ 25%". */
  text: string;
}

/**
 * The change of a median against the previous period (0.25 = 25 % longer), as an arrow and a
 * percentage; null when there is nothing to compare with.
 */
export function trendOf(change: number | null, locale: string = currentLocale()): Trend | null {
  if (change === null || !Number.isFinite(change)) return null;
  const percent = Math.round(Math.abs(change) * 100);
  const direction = percent === 0 ? 'flat' : change > 0 ? 'up' : 'down';
  const arrow = { up: '↑', down: '↓', flat: '→' }[direction];
  return { direction, percent, text: `${arrow} ${new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100)}` };
}

// A report's days are days of the workspace's calendar: written as they are, whatever the browser's zone.
const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);
const isDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(dateOf(day).getTime());

/** A day: "27 Mar 2026". */
export function formatReportDay(day: string, locale: string = currentLocale()): string {
  return isDay(day) ? new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(dateOf(day)) : day;
}

/** Two days, both inclusive, the shared parts written once: "27 Mar – 6 Apr 2026"; one day alone. */
export function formatDayRange(from: string, to: string, locale: string = currentLocale()): string {
  if (!isDay(from) || !isDay(to)) return `${from} – ${to}`;
  if (from === to) return formatReportDay(from, locale);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatRange(dateOf(from), dateOf(to));
}

/**
 * A chart bucket by its first day: on the axis short ("27 Mar", weeks by their Monday, "Mar 2026"),
 * in the tooltip and the table in full ("Fri, 27 Mar 2026", "March 2026"). Weeks say "week of" in the page's words.
 */
export function formatBucket(bucket: string, interval: ReportInterval, style: 'axis' | 'full', locale: string = currentLocale()): string {
  if (!isDay(bucket)) return bucket;
  const options: Intl.DateTimeFormatOptions =
    interval === 'month'
      ? { month: style === 'axis' ? 'short' : 'long', year: 'numeric' }
      : style === 'axis'
        ? { day: 'numeric', month: 'short' }
        : { day: 'numeric', month: 'short', year: 'numeric', ...(interval === 'day' ? { weekday: 'short' } : {}) };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(dateOf(bucket));
}
