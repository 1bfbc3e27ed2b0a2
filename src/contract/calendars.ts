import { IANAZone } from 'luxon';
import { z } from 'zod';
import { nonEmpty } from './common.ts';
import { limits } from './limits.ts';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export const calendarLimits = { rangesPerDayMax: 10, holidaysMax: 1_000, timeZoneMax: 100 } as const;

const startPattern = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
// 24:00 lets a range run to midnight; a shift past midnight goes on at 00:00 of the next day.
const endPattern = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const isWellFormed = (r: { start: string; end: string }) => startPattern.test(r.start) && endPattern.test(r.end);

// HH:MM strings of equal width compare in time order, so no parsing is needed for the rules.
// The order rules look only at well-formed times: a bad time is reported once, at its own field.
export const workingRange = z
  .strictObject({
    start: z.string().regex(startPattern, 'a time from 00:00 to 23:59 (HH:MM)'),
    end: z.string().regex(endPattern, 'a time from 00:00 to 24:00 (HH:MM)'),
  })
  .refine((r) => !isWellFormed(r) || r.start < r.end, {
    message: 'must be after the start (a shift past midnight ends at 24:00 and goes on at 00:00 the next day)',
    path: ['end'],
  });
export type WorkingRange = z.infer<typeof workingRange>;

const dayHours = z
  .array(workingRange)
  .max(calendarLimits.rangesPerDayMax)
  .superRefine((ranges, ctx) => {
    const order = ranges
      .map((r, index) => ({ ...r, index }))
      .filter((r) => isWellFormed(r) && r.start < r.end)
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    // Compare with the range reaching furthest so far: 08–17 must catch 11–12 even after 09–10.
    let reach = order[0];
    for (const range of order.slice(1)) {
      if (range.start < reach.end) {
        ctx.addIssue({ code: 'custom', path: [range.index, 'start'], message: `overlaps ${reach.start}–${reach.end}` });
      }
      if (range.end > reach.end) reach = range;
    }
  })
  .default([]);

/** Working hours per weekday in local wall-clock time; a day left out has none. */
const weekHours = z.strictObject({
  mon: dayHours,
  tue: dayHours,
  wed: dayHours,
  thu: dayHours,
  fri: dayHours,
  sat: dayHours,
  sun: dayHours,
});

const holiday = z.strictObject({
  date: z.iso.date().describe('A local date in the calendar’s time zone'),
  name: nonEmpty(limits.nameMax).optional(),
});

const holidays = z
  .array(holiday)
  .max(calendarLimits.holidaysMax)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((h, index) => {
      if (seen.has(h.date)) ctx.addIssue({ code: 'custom', path: [index, 'date'], message: `${h.date} is listed twice` });
      seen.add(h.date);
    });
  })
  .default([]);

/** A business calendar as an admin sends it; SLA targets count working time in it. */
export const businessCalendar = z
  .strictObject({
    name: nonEmpty(limits.nameMax),
    time_zone: z
      .string()
      .trim()
      .max(calendarLimits.timeZoneMax, { abort: true })
      .refine((zone) => IANAZone.isValidZone(zone), 'unknown time zone (use an IANA name such as Europe/Berlin)')
      .describe('IANA time zone the hours and holidays are read in'),
    always_open: z.boolean().default(false).describe('24×7: every instant counts, hours and holidays are ignored'),
    hours: weekHours.default({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }),
    holidays,
  })
  .superRefine((c, ctx) => {
    if (!c.always_open && weekdays.every((day) => c.hours[day].length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['hours'], message: 'needs working hours on at least one day, or always_open' });
    }
  });
export type BusinessCalendar = z.output<typeof businessCalendar>;
export type BusinessCalendarInput = z.input<typeof businessCalendar>;
