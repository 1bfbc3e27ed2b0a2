import { describe, expect, it } from 'vitest';
import { businessCalendar, type BusinessCalendarInput } from './calendars.ts';

const officeHours = [{ start: '08:00', end: '17:00' }];
const valid: BusinessCalendarInput = {
  name: 'Head office',
  time_zone: 'Europe/Berlin',
  always_open: false,
  hours: { mon: officeHours, tue: officeHours, wed: officeHours, thu: officeHours, fri: officeHours },
  holidays: [{ date: '2026-12-25', name: 'Christmas' }],
};

/** The paths and messages of the issues a body gets, as the API's 400 would name them. */
function issuesOf(body: unknown) {
  const result = businessCalendar.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('business calendar contract', () => {
  it('a calendar with office hours, a night shift over midnight and holidays is accepted; left-out days have no hours', () => {
    const parsed = businessCalendar.parse({
      ...valid,
      hours: { ...valid.hours, sat: [{ start: '22:00', end: '24:00' }], sun: [{ start: '00:00', end: '02:00' }, { start: '02:00', end: '06:00' }] },
    });
    expect(parsed.hours.sat).toEqual([{ start: '22:00', end: '24:00' }]);
    expect(businessCalendar.parse({ name: 'Min', time_zone: 'Asia/Jakarta', hours: { mon: officeHours } }).hours.sun).toEqual([]);
  });

  it('a 24×7 calendar needs no hours', () => {
    expect(businessCalendar.parse({ name: 'Always', time_zone: 'UTC', always_open: true }).always_open).toBe(true);
  });

  it('a reversed or empty range is refused at its end', () => {
    expect(issuesOf({ ...valid, hours: { mon: [officeHours[0], { start: '18:00', end: '17:00' }] } })).toEqual([
      { path: 'hours.mon.1.end', message: expect.stringMatching(/after the start/) },
    ]);
    expect(issuesOf({ ...valid, hours: { tue: [{ start: '09:00', end: '09:00' }] } }).map((i) => i.path)).toEqual(['hours.tue.0.end']);
    expect(issuesOf({ ...valid, hours: { fri: [{ start: '22:00', end: '02:00' }] } }).map((i) => i.path)).toEqual(['hours.fri.0.end']);
  });

  it('overlapping ranges of one day are refused at the later one; touching ranges are fine', () => {
    const hours = { wed: [{ start: '08:00', end: '17:00' }, { start: '09:00', end: '10:00' }, { start: '16:30', end: '18:00' }] };
    expect(issuesOf({ ...valid, hours })).toEqual([
      { path: 'hours.wed.1.start', message: 'overlaps 08:00–17:00' },
      { path: 'hours.wed.2.start', message: 'overlaps 08:00–17:00' },
    ]);
    expect(issuesOf({ ...valid, hours: { wed: [{ start: '12:00', end: '17:00' }, { start: '08:00', end: '12:00' }] } })).toEqual([]);
  });

  it('a time outside 00:00–23:59 (24:00 only as an end) is refused at that field', () => {
    const bad = [
      [{ start: '8:00', end: '17:00' }, 'hours.mon.0.start'],
      [{ start: '08:00', end: '24:30' }, 'hours.mon.0.end'],
      [{ start: '24:00', end: '24:00' }, 'hours.mon.0.start'],
      [{ start: '08:60', end: '17:00' }, 'hours.mon.0.start'],
    ] as const;
    for (const [range, path] of bad) expect(issuesOf({ ...valid, hours: { mon: [range] } }).map((i) => i.path)).toEqual([path]);
  });

  it('more than 10 ranges a day is refused', () => {
    const ranges = Array.from({ length: 11 }, (_, i) => ({ start: `${String(i).padStart(2, '0')}:00`, end: `${String(i).padStart(2, '0')}:30` }));
    expect(issuesOf({ ...valid, hours: { mon: ranges } }).map((i) => i.path)).toEqual(['hours.mon']);
  });

  it('an unknown time zone is refused at time_zone', () => {
    expect(issuesOf({ ...valid, time_zone: 'Mars/Olympus_Mons' })).toEqual([{ path: 'time_zone', message: expect.stringMatching(/unknown time zone/) }]);
    expect(issuesOf({ ...valid, time_zone: '' }).map((i) => i.path)).toEqual(['time_zone']);
  });

  it('a calendar that is not always open with no working time is refused at hours', () => {
    expect(issuesOf({ ...valid, hours: {} })).toEqual([{ path: 'hours', message: expect.stringMatching(/at least one day/) }]);
    expect(issuesOf({ ...valid, hours: { mon: [], sun: [] } }).map((i) => i.path)).toEqual(['hours']);
  });

  it('a holiday listed twice is refused at the second one; bad dates at their field', () => {
    const holidays = [{ date: '2026-12-25' }, { date: '2026-12-26' }, { date: '2026-12-25', name: 'Again' }];
    expect(issuesOf({ ...valid, holidays })).toEqual([{ path: 'holidays.2.date', message: '2026-12-25 is listed twice' }]);
    expect(issuesOf({ ...valid, holidays: [{ date: '2026-02-30' }] }).map((i) => i.path)).toEqual(['holidays.0.date']);
  });

  it('more than 1,000 holidays is refused', () => {
    const holidays = Array.from({ length: 1_001 }, (_, i) => ({ date: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10) }));
    expect(issuesOf({ ...valid, holidays }).map((i) => i.path)).toEqual(['holidays']);
  });

  it('unknown fields and weekdays are refused', () => {
    expect(issuesOf({ ...valid, hours: { monday: officeHours } }).map((i) => i.path)).toContain('hours');
    expect(issuesOf({ ...valid, colour: 'red' }).map((i) => i.path)).toEqual(['']);
  });
});
