import i18next from 'i18next';
import { currentLocale } from '../i18n/i18n.ts';

// Formatters are costly to make: one set per locale, made when first needed.
const formatters = new Map<string, { dateTime: Intl.DateTimeFormat; time: Intl.DateTimeFormat; dayMonth: Intl.DateTimeFormat; dayMonthYear: Intl.DateTimeFormat; number: Intl.NumberFormat }>();

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
