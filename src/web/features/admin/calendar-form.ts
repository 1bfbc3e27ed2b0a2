import i18next from 'i18next';
import { type BusinessCalendarInput, businessCalendar, type Weekday, weekdays } from '../../../contract/calendars.ts';
import { type Calendar, type ImportHolidaysBody, importHolidaysBody } from '../../../contract/sla.ts';
import { ApiError } from '../../lib/api-client.ts';
import { describeIssue } from '../../lib/validation.ts';

/** A business calendar as its form holds it: text as typed, and a key per row so React keeps each row's inputs. */
export interface RangeRow {
  key: number;
  start: string;
  end: string;
}
export interface HolidayRow {
  key: number;
  date: string;
  name: string;
}
export interface CalendarForm {
  name: string;
  time_zone: string;
  always_open: boolean;
  hours: Record<Weekday, RangeRow[]>;
  holidays: HolidayRow[];
}

let lastKey = 0;
const rowKey = () => ++lastKey;

const emptyWeek = (): Record<Weekday, RangeRow[]> => ({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });

/** The form of a calendar, or of a new one: Monday to Friday 09:00–17:00 in the workspace's time zone. */
export function calendarToForm(calendar: Calendar | undefined, timeZone: string): CalendarForm {
  if (!calendar) {
    const hours = emptyWeek();
    for (const day of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) hours[day] = [{ key: rowKey(), start: '09:00', end: '17:00' }];
    return { name: '', time_zone: timeZone, always_open: false, hours, holidays: [] };
  }
  const hours = emptyWeek();
  for (const day of weekdays) hours[day] = calendar.hours[day].map((r) => ({ key: rowKey(), start: r.start, end: r.end }));
  return {
    name: calendar.name,
    time_zone: calendar.time_zone,
    always_open: calendar.always_open,
    hours,
    holidays: calendar.holidays.map((h) => ({ key: rowKey(), date: h.date, name: h.name ?? '' })),
  };
}

/** The body of POST/PUT: open 24×7 has no hours and no holidays (the server ignores them then). */
export function calendarFormBody(form: CalendarForm): BusinessCalendarInput {
  const hours = emptyWeek() as Record<Weekday, { start: string; end: string }[]>;
  if (!form.always_open) for (const day of weekdays) hours[day] = form.hours[day].map((r) => ({ start: r.start.trim(), end: r.end.trim() }));
  return {
    name: form.name,
    time_zone: form.time_zone,
    always_open: form.always_open,
    hours,
    holidays: form.always_open ? [] : form.holidays.map((h) => (h.name.trim() ? { date: h.date, name: h.name.trim() } : { date: h.date })),
  };
}

export const newRangeRow = (start: string, end: string): RangeRow => ({ key: rowKey(), start, end });
export const newHolidayRow = (): HolidayRow => ({ key: rowKey(), date: '', name: '' });

const toMinutes = (time: string): number | null => {
  const match = /^(\d\d):(\d\d)$/.exec(time.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};
const toTime = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The range "Add range" suggests: 09:00–17:00 on an empty day, else the hour after the day's last end (up to 24:00). */
export function nextRange(ranges: readonly { start: string; end: string }[]): { start: string; end: string } {
  const ends = ranges.map((r) => toMinutes(r.end)).filter((m): m is number => m !== null);
  if (ends.length === 0) return { start: '09:00', end: '17:00' };
  const last = Math.min(Math.max(...ends), 23 * 60);
  return { start: toTime(last), end: toTime(Math.min(last + 60, 24 * 60)) };
}

/** Every listed day gets a copy of one day's ranges (new rows, so each can be changed on its own). */
export function copyDay(hours: Record<Weekday, RangeRow[]>, from: Weekday, to: readonly Weekday[]): Record<Weekday, RangeRow[]> {
  const next = { ...hours };
  for (const day of to) if (day !== from) next[day] = hours[from].map((r) => newRangeRow(r.start, r.end));
  return next;
}

/** Days with the same hours, run together: Mon–Fri 09:00–12:00, 13:00–17:00 · Sat 10:00–14:00. */
export function summarizeHours(hours: Calendar['hours']): { days: Weekday[]; ranges: string }[] {
  const groups: { days: Weekday[]; ranges: string }[] = [];
  for (const day of weekdays) {
    if (hours[day].length === 0) continue;
    const ranges = hours[day].map((r) => `${r.start}–${r.end}`).join(', ');
    const last = groups.at(-1);
    const follows = last && weekdays.indexOf(last.days.at(-1) as Weekday) === weekdays.indexOf(day) - 1;
    if (last && follows && last.ranges === ranges) last.days.push(day);
    else groups.push({ days: [day], ranges });
  }
  return groups;
}

/** A problem of a calendar as the contract (zod) or the server's 400 reports it. */
interface CalendarIssue {
  field: string;
  rule?: string;
  message: string;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: unknown;
}

type CalendarRule = 'startTime' | 'endTime' | 'overlaps' | 'endAfterStart' | 'noHours' | 'timeZone' | 'holidayTwice' | 'holidayDate';
const t = (rule: CalendarRule, options: { range?: string } = {}): string => i18next.t(`admin:calendars.error.${rule}`, options);

/** Words the calendar's own rules in the agent's language (the contract words them in English). */
export function describeCalendarIssue(issue: CalendarIssue): string {
  const { field, rule, message } = issue;
  if (/^hours\.\w+\.\d+\.(start|end)$/.test(field)) {
    const isEnd = field.endsWith('.end');
    if (rule === 'invalid_format') return t(isEnd ? 'endTime' : 'startTime');
    const overlap = /^overlaps (.+)$/.exec(message);
    if (rule === 'custom' && overlap) return t('overlaps', { range: overlap[1] });
    if (rule === 'custom' && isEnd) return t('endAfterStart');
  }
  if (field === 'hours' && rule === 'custom') return t('noHours');
  if (field === 'time_zone' && rule === 'custom') return t('timeZone');
  if (/^holidays\.\d+\.date$/.test(field)) {
    if (rule === 'custom') return t('holidayTwice');
    if (rule === 'invalid_format' || rule === 'invalid_type') return t('holidayDate');
  }
  return describeIssue({ ...issue, code: rule ?? 'custom' });
}

/** One message per field, the first one found, keyed by the field's path in the body (`hours.mon.1.end`). */
function byField(issues: CalendarIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.field] ??= describeCalendarIssue(issue);
  return out;
}

/** Checks the form against the contract before sending, with the messages the server's refusal would give. */
export function checkCalendar(form: CalendarForm): { body: BusinessCalendarInput; errors: null } | { body: null; errors: Record<string, string> } {
  const body = calendarFormBody(form);
  const result = businessCalendar.safeParse(body);
  if (result.success) return { body, errors: null };
  return {
    body: null,
    errors: byField(result.error.issues.map((i) => ({ ...(i as unknown as Omit<CalendarIssue, 'field' | 'rule'>), field: i.path.join('.'), rule: i.code }))),
  };
}

/** The field problems of a refused save (400, or 409 for a taken name), keyed as checkCalendar keys them. */
export function calendarSaveErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const issues = (error.details as unknown[]).filter(
    (d): d is CalendarIssue => typeof d === 'object' && d !== null && typeof (d as CalendarIssue).field === 'string' && typeof (d as CalendarIssue).message === 'string',
  );
  return byField(issues.map((i) => ({ ...i, field: i.field.replace(/^body\.?/, '') })));
}

/** The department → calendar choices, read from each calendar's "used by". */
export function departmentCalendarIds(calendars: readonly Calendar[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const calendar of calendars) for (const department of calendar.used_by.departments) out.set(department.id, calendar.id);
  return out;
}

export type HolidayItem = string | { date: string; name?: string };

/**
 * The holidays of a pasted list: a date (YYYY-MM-DD) per line, then its name if any ("2026-12-25
 * Christmas Day", commas and tabs from a spreadsheet too); or a JSON list as the API takes it.
 * `lines` gives each holiday's line, so a refusal at `holidays.3` can name the line to fix.
 */
export function parseHolidayList(text: string): { holidays: HolidayItem[]; lines: number[]; badLines: number[] } {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      const value = JSON.parse(trimmed) as unknown;
      const list = Array.isArray(value) ? value : (value as { holidays?: unknown }).holidays;
      if (Array.isArray(list)) return { holidays: list as HolidayItem[], lines: [], badLines: [] };
    } catch {
      // Not JSON after all: read it line by line.
    }
  }
  const holidays: HolidayItem[] = [];
  const lines: number[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const match = /^\s*(\d{4}-\d{2}-\d{2})(?:[\s,;|:–-]+(.*?))?\s*$/.exec(line);
    if (!match) return badLines.push(index + 1);
    const name = match[2]?.replace(/^["']|["']$/g, '').trim();
    holidays.push(name ? { date: match[1], name } : { date: match[1] });
    lines.push(index + 1);
  });
  return { holidays, lines, badLines };
}

/** Why a pasted list cannot be imported, with the line to fix where there is one. */
export type ImportProblem =
  | { kind: 'badLines'; lines: number[] }
  | { kind: 'empty' }
  | { kind: 'date' | 'twice' | 'tooMany' | 'other'; line: number | null; message: string };

/** The line of a problem at `holidays.3` (or `holidays.3.date`): the list's own line when it was read line by line. */
export function importProblemAt(field: string, message: string, lines: readonly number[], isDuplicate: boolean): ImportProblem {
  const index = /^holidays\.(\d+)/.exec(field)?.[1];
  const line = index === undefined ? null : (lines[Number(index)] ?? Number(index) + 1);
  if (index === undefined) return { kind: field === 'holidays' ? 'tooMany' : 'other', line: null, message };
  return { kind: isDuplicate ? 'twice' : 'date', line, message };
}

/** The import body of a pasted list, or its first problem. */
export function checkHolidayImport(text: string, replace: boolean): { body: ImportHolidaysBody; lines: number[]; problem: null } | { body: null; lines: number[]; problem: ImportProblem } {
  const { holidays, lines, badLines } = parseHolidayList(text);
  if (badLines.length) return { body: null, lines, problem: { kind: 'badLines', lines: badLines } };
  if (holidays.length === 0) return { body: null, lines, problem: { kind: 'empty' } };
  const result = importHolidaysBody.safeParse({ holidays, replace });
  if (result.success) return { body: result.data, lines, problem: null };
  const issue = result.error.issues[0];
  const field = issue.path.join('.');
  return { body: null, lines, problem: importProblemAt(field, issue.message, lines, issue.code === 'custom') };
}
