import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { businessCalendar, type BusinessCalendarInput } from '../../contract/calendars.ts';
import { addBusinessTime, businessTimeBetween, isWorkingTime, nextWorkingInstant, workingCalendar } from './business-calendar.ts';

const hour = 3_600_000;
const officeHours = [{ start: '08:00', end: '17:00' }];
const weekdaysOnly = { mon: officeHours, tue: officeHours, wed: officeHours, thu: officeHours, fri: officeHours };

/** A compiled calendar from contract input, so every calendar here is one an admin could send. */
function buildCalendar(overrides: Partial<BusinessCalendarInput> = {}) {
  return workingCalendar(businessCalendar.parse({ name: 'Office', time_zone: 'Europe/Berlin', hours: weekdaysOnly, ...overrides }));
}

/** A local wall-clock time in `zone` (a repeated time resolves as luxon does: use offsets for those). */
function local(text: string, zone = 'Europe/Berlin'): Date {
  return DateTime.fromISO(text, { zone }).toJSDate();
}

describe('the issue’s examples (Mon–Fri 08:00–17:00)', () => {
  const cal = buildCalendar();

  it('created 08:00 with a 2 h target is due 10:00', () => {
    expect(addBusinessTime(cal, local('2026-06-01T08:00'), 2 * hour)).toEqual(local('2026-06-01T10:00'));
  });

  it('created 16:00 with a 2 h target is due 09:00 the next working day', () => {
    expect(addBusinessTime(cal, local('2026-06-01T16:00'), 2 * hour)).toEqual(local('2026-06-02T09:00'));
    expect(addBusinessTime(cal, local('2026-06-05T16:00'), 2 * hour)).toEqual(local('2026-06-08T09:00'));
  });

  it('created on Saturday starts the clock on Monday 08:00', () => {
    const saturday = local('2026-06-06T11:00');
    expect(nextWorkingInstant(cal, saturday)).toEqual(local('2026-06-08T08:00'));
    expect(addBusinessTime(cal, saturday, 2 * hour)).toEqual(local('2026-06-08T10:00'));
    expect(businessTimeBetween(cal, saturday, local('2026-06-08T09:30'))).toBe(1.5 * hour);
  });

  it('a pause shifts the due time by the paused business time (on hold 09:00, reply 10:05 → due 11:05)', () => {
    const left = businessTimeBetween(cal, local('2026-06-01T09:00'), local('2026-06-01T10:00'));
    expect(addBusinessTime(cal, local('2026-06-01T10:05'), left)).toEqual(local('2026-06-01T11:05'));
  });

  it('a zero target is the instant itself inside hours and the next opening outside them', () => {
    expect(addBusinessTime(cal, local('2026-06-01T09:13'), 0)).toEqual(local('2026-06-01T09:13'));
    expect(addBusinessTime(cal, local('2026-06-01T17:00'), 0)).toEqual(local('2026-06-02T08:00'));
  });

  it('ranges include their start and exclude their end', () => {
    expect(isWorkingTime(cal, local('2026-06-01T08:00'))).toBe(true);
    expect(isWorkingTime(cal, new Date(local('2026-06-01T17:00').getTime() - 1))).toBe(true);
    expect(isWorkingTime(cal, local('2026-06-01T17:00'))).toBe(false);
    expect(isWorkingTime(cal, local('2026-06-06T10:00'))).toBe(false);
  });

  it('seconds-long targets work to the millisecond', () => {
    expect(addBusinessTime(cal, local('2026-06-01T16:59:58'), 5_000)).toEqual(local('2026-06-02T08:00:03'));
  });

  it('business time before the start, or over an empty span, is 0', () => {
    expect(businessTimeBetween(cal, local('2026-06-01T10:00'), local('2026-06-01T09:00'))).toBe(0);
    expect(businessTimeBetween(cal, local('2026-06-06T10:00'), local('2026-06-07T22:00'))).toBe(0);
  });

  it('many weeks of target land where counting day by day would (whole weeks skipped)', () => {
    // 45 h a week: 10 weeks end on the 10th Friday at 17:00; 20 weeks cross the spring clock change.
    expect(addBusinessTime(cal, local('2026-01-05T08:00'), 450 * hour)).toEqual(local('2026-03-13T17:00'));
    expect(addBusinessTime(cal, local('2026-01-05T08:00'), 900 * hour)).toEqual(local('2026-05-22T17:00'));
    expect(businessTimeBetween(cal, local('2026-01-05T08:00'), local('2026-05-22T17:00'))).toBe(900 * hour);
  });

  it('a negative or fractional duration is refused', () => {
    expect(() => addBusinessTime(cal, local('2026-06-01T08:00'), -1)).toThrow(RangeError);
    expect(() => addBusinessTime(cal, local('2026-06-01T08:00'), 1.5)).toThrow(RangeError);
  });
});

describe('calendar shapes', () => {
  it('a holiday is skipped', () => {
    const cal = buildCalendar({ holidays: [{ date: '2026-06-02', name: 'Company day' }] });
    expect(isWorkingTime(cal, local('2026-06-02T10:00'))).toBe(false);
    expect(addBusinessTime(cal, local('2026-06-01T16:00'), 2 * hour)).toEqual(local('2026-06-03T09:00'));
    expect(businessTimeBetween(cal, local('2026-06-01T00:00'), local('2026-06-04T00:00'))).toBe(18 * hour);
  });

  it('a lunch break is not counted', () => {
    const day = [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }];
    const cal = buildCalendar({ hours: { mon: day } });
    expect(isWorkingTime(cal, local('2026-06-01T12:30'))).toBe(false);
    expect(addBusinessTime(cal, local('2026-06-01T11:00'), 2 * hour)).toEqual(local('2026-06-01T14:00'));
    expect(addBusinessTime(cal, local('2026-06-01T11:00'), hour)).toEqual(local('2026-06-01T12:00'));
    expect(businessTimeBetween(cal, local('2026-06-01T11:00'), local('2026-06-01T14:00'))).toBe(2 * hour);
  });

  it('a night shift entered as 22:00–24:00 and 00:00–02:00 the next day runs without a seam', () => {
    const cal = buildCalendar({ hours: { mon: [{ start: '22:00', end: '24:00' }], tue: [{ start: '00:00', end: '02:00' }] } });
    expect(isWorkingTime(cal, local('2026-06-02T00:00'))).toBe(true);
    expect(addBusinessTime(cal, local('2026-06-01T23:00'), 2 * hour)).toEqual(local('2026-06-02T01:00'));
    expect(addBusinessTime(cal, local('2026-06-01T23:00'), 3 * hour)).toEqual(local('2026-06-02T02:00'));
    expect(addBusinessTime(cal, local('2026-06-01T23:00'), 4 * hour)).toEqual(local('2026-06-08T23:00'));
    expect(businessTimeBetween(cal, local('2026-06-01T20:00'), local('2026-06-02T05:00'))).toBe(4 * hour);
  });

  it('a 24×7 calendar counts every instant, also across a clock change', () => {
    const cal = buildCalendar({ always_open: true, hours: {} });
    const saturday = local('2026-03-28T22:00');
    expect(isWorkingTime(cal, saturday)).toBe(true);
    expect(addBusinessTime(cal, saturday, 3 * hour)).toEqual(new Date(saturday.getTime() + 3 * hour));
    expect(businessTimeBetween(cal, local('2026-03-29T00:00'), local('2026-03-30T00:00'))).toBe(23 * hour);
  });

  it('Asia/Jakarta (no daylight saving) counts in its own local hours', () => {
    const cal = buildCalendar({ time_zone: 'Asia/Jakarta' });
    expect(addBusinessTime(cal, new Date('2026-06-01T09:00:00Z'), 2 * hour)).toEqual(new Date('2026-06-02T02:00:00Z'));
    expect(nextWorkingInstant(cal, new Date('2026-06-05T12:00:00Z'))).toEqual(new Date('2026-06-08T01:00:00Z'));
  });

  it('a calendar with no working time within three years throws instead of looping', () => {
    const mondays = Array.from({ length: 170 }, (_, i) => ({ date: DateTime.fromISO('2026-06-01').plus({ weeks: i }).toISODate() ?? '' }));
    const cal = buildCalendar({ hours: { mon: officeHours }, holidays: mondays });
    expect(() => addBusinessTime(cal, local('2026-06-01T08:00'), hour)).toThrow(/no working time within/);
    expect(() => nextWorkingInstant(cal, local('2026-06-01T08:00'))).toThrow(/no working time within/);
    expect(businessTimeBetween(cal, local('2026-06-01T00:00'), local('2029-06-01T00:00'))).toBe(0);
  });
});

describe('clock changes', () => {
  const sundays = (hours: { start: string; end: string }[], time_zone = 'Europe/Berlin') => buildCalendar({ time_zone, hours: { sun: hours } });

  it('Europe/Berlin: a whole working day is 23 h on 2026-03-29 and 25 h on 2026-10-25', () => {
    const cal = sundays([{ start: '00:00', end: '24:00' }]);
    expect(businessTimeBetween(cal, local('2026-03-29T00:00'), local('2026-03-30T00:00'))).toBe(23 * hour);
    expect(businessTimeBetween(cal, local('2026-10-25T00:00'), local('2026-10-26T00:00'))).toBe(25 * hour);
  });

  it('Europe/Berlin spring forward: a range over the skipped hour is shorter, one inside it is empty', () => {
    expect(businessTimeBetween(sundays([{ start: '01:00', end: '04:00' }]), local('2026-03-29T00:00'), local('2026-03-30T00:00'))).toBe(2 * hour);
    expect(businessTimeBetween(sundays([{ start: '02:30', end: '04:00' }]), local('2026-03-29T00:00'), local('2026-03-30T00:00'))).toBe(hour);
    const skipped = sundays([{ start: '02:00', end: '03:00' }]);
    expect(nextWorkingInstant(skipped, local('2026-03-28T12:00'))).toEqual(local('2026-04-05T02:00'));
    // 01:30 CET + 1 h: half an hour to the jump at 02:00, then half an hour after 03:00 CEST.
    const early = sundays([{ start: '01:00', end: '04:00' }]);
    expect(addBusinessTime(early, new Date('2026-03-29T01:30:00+01:00'), hour)).toEqual(new Date('2026-03-29T03:30:00+02:00'));
  });

  it('Europe/Berlin fall back: the repeated hour counts twice', () => {
    const cal = sundays([{ start: '01:00', end: '04:00' }]);
    expect(businessTimeBetween(cal, local('2026-10-25T00:00'), local('2026-10-26T00:00'))).toBe(4 * hour);
    expect(addBusinessTime(cal, new Date('2026-10-25T01:30:00+02:00'), 2 * hour)).toEqual(new Date('2026-10-25T02:30:00+01:00'));
    expect(isWorkingTime(cal, new Date('2026-10-25T02:30:00+02:00'))).toBe(true);
    expect(businessTimeBetween(sundays([{ start: '02:00', end: '03:00' }]), local('2026-10-25T00:00'), local('2026-10-26T00:00'))).toBe(2 * hour);
  });

  it('Europe/Berlin office hours keep their local times across the change weekend', () => {
    const cal = buildCalendar();
    expect(addBusinessTime(cal, local('2026-03-27T16:00'), 2 * hour)).toEqual(new Date('2026-03-30T09:00:00+02:00'));
    expect(addBusinessTime(cal, local('2026-10-23T16:00'), 2 * hour)).toEqual(new Date('2026-10-26T09:00:00+01:00'));
    expect(businessTimeBetween(cal, local('2026-03-23T00:00'), local('2026-04-06T00:00'))).toBe(90 * hour);
  });

  it('America/New_York: 23 h on 2026-03-08, 25 h on 2026-11-01, office hours in local time', () => {
    const zone = 'America/New_York';
    const whole = sundays([{ start: '00:00', end: '24:00' }], zone);
    expect(businessTimeBetween(whole, local('2026-03-08T00:00', zone), local('2026-03-09T00:00', zone))).toBe(23 * hour);
    expect(businessTimeBetween(whole, local('2026-11-01T00:00', zone), local('2026-11-02T00:00', zone))).toBe(25 * hour);
    const early = sundays([{ start: '00:00', end: '02:00' }], zone);
    expect(businessTimeBetween(early, local('2026-11-01T00:00', zone), local('2026-11-02T00:00', zone))).toBe(3 * hour);
    const office = buildCalendar({ time_zone: zone });
    expect(addBusinessTime(office, new Date('2026-03-06T16:00:00-05:00'), 2 * hour)).toEqual(new Date('2026-03-09T09:00:00-04:00'));
  });

  it('America/Santiago (clocks change at midnight): a night shift over the change is 3 h in spring and 5 h in autumn', () => {
    const zone = 'America/Santiago';
    const night = (sat: string, sun: string) => [local(sat, zone), local(sun, zone)] as const;
    const cal = buildCalendar({ time_zone: zone, hours: { sat: [{ start: '22:00', end: '24:00' }], sun: [{ start: '00:00', end: '02:00' }] } });
    const [springFrom, springTo] = night('2026-09-05T12:00', '2026-09-06T12:00');
    expect(businessTimeBetween(cal, springFrom, springTo)).toBe(3 * hour);
    const [autumnFrom, autumnTo] = night('2026-04-04T12:00', '2026-04-05T12:00');
    expect(businessTimeBetween(cal, autumnFrom, autumnTo)).toBe(5 * hour);
    // Three weeks from the spring Saturday: the week that starts on the short Sunday is not a plain one.
    expect(businessTimeBetween(cal, springFrom, local('2026-09-20T12:00', zone))).toBe(11 * hour);
  });

  it('Pacific/Apia skipped 2011-12-30 entirely: its hours do not exist', () => {
    const cal = buildCalendar({ time_zone: 'Pacific/Apia' });
    expect(addBusinessTime(cal, local('2011-12-29T16:00', 'Pacific/Apia'), 2 * hour)).toEqual(local('2012-01-02T09:00', 'Pacific/Apia'));
  });
});
