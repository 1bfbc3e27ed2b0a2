import i18next from 'i18next';
import { currentLocale } from '../i18n/languages.ts';

// Formatters are costly to make: one set per locale, made when first needed.
const formatters = new Map<
  string,
  { dateTime: Intl.DateTimeFormat; time: Intl.DateTimeFormat; dayMonth: Intl.DateTimeFormat; dayMonthYear: Intl.DateTimeFormat; number: Intl.NumberFormat; relative: Intl.RelativeTimeFormat }
>();

function formats() {
  const locale = currentLocale();
  let f = formatters.get(locale);
  if (!f) {
    f = {
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
      dayMonth: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }),
      dayMonthYear: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }),
      number: new Intl.NumberFormat(locale),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
    };
    formatters.set(locale, f);
  }
  return f;
}

/** The full date and time, e.g. for a tooltip. */
export const formatDateTime = (iso: string): string => formats().dateTime.format(new Date(iso));

/** A compact day for table cells: "Today", the day this year, the full date before. */
export function formatDay(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (d.toDateString() === now.toDateString()) return i18next.t('time.today');
  return d.getFullYear() === now.getFullYear() ? formats().dayMonth.format(d) : formats().dayMonthYear.format(d);
}

export const formatTime = (iso: string): string => formats().time.format(new Date(iso));

export const formatCount = (n: number): string => formats().number.format(n);

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** How long ago, for lists of recent things: "now", "5 minutes ago", "yesterday"; after a week, the day. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  if (Math.abs(seconds) >= 7 * 86_400) return formatDay(iso, now);
  for (const [unit, size] of relativeUnits) {
    if (Math.abs(seconds) >= size) return formats().relative.format(Math.trunc(seconds / size), unit);
  }
  return formats().relative.format(0, 'second');
}

const durationUnits = (locale: string) => ({
  day: new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }),
  hour: new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long' }),
  minute: new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }),
});

/** A span of time to the minute, largest two units first: "1 day 2 hours", "2 hours 5 minutes", "0 minutes". Negative spans read as their size. */
export function formatDuration(seconds: number, locale: string = currentLocale()): string {
  const units = durationUnits(locale);
  let minutes = Math.round(Math.abs(seconds) / 60);
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  const parts = [days ? units.day.format(days) : '', hours ? units.hour.format(hours) : '', minutes || (!days && !hours) ? units.minute.format(minutes) : ''];
  // Two units say enough: "1 day 2 hours", not the minutes too.
  return parts.filter(Boolean).slice(0, 2).join(' ');
}

/** An amount as the language writes money: with its currency when known (Rp 125.000,50), else as a plain number. */
export function formatMoney(amount: string | number, currency: string | null, locale: string = currentLocale()): string {
  const n = Number(amount);
  if (!currency) return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  // Cents are shown when there are any, also for currencies written without them (IDR): an amount is never rounded.
  const digits = Number.isInteger(n) ? 0 : 2;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: 2 }).format(n);
  } catch {
    return `${currency} ${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n)}`;
  }
}
