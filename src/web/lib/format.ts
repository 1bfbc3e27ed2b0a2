const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayMonthYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** The full date and time, e.g. for a tooltip. */
export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));

/** A compact day for table cells: "Today", the day this year, the full date before. */
export function formatDay(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (d.toDateString() === now.toDateString()) return 'Today';
  return d.getFullYear() === now.getFullYear() ? dayMonth.format(d) : dayMonthYear.format(d);
}

export const formatTime = (iso: string): string => time.format(new Date(iso));

export const formatCount = (n: number): string => n.toLocaleString();
