import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Calendar } from '../../../contract/sla.ts';
import { ApiError } from '../../lib/api-client.ts';
import { resources } from '../../i18n/resources.ts';
import {
  calendarFormBody,
  calendarSaveErrors,
  calendarToForm,
  checkCalendar,
  checkHolidayImport,
  copyDay,
  departmentCalendarIds,
  newRangeRow,
  nextRange,
  parseHolidayList,
  summarizeHours,
} from './calendar-form.ts';

const week = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const calendar = (overrides: Partial<Calendar> = {}): Calendar => ({
  id: 1,
  name: 'Jakarta office',
  time_zone: 'Asia/Jakarta',
  always_open: false,
  hours: { ...week, mon: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }] },
  holidays: [{ date: '2026-12-25', name: 'Christmas' }, { date: '2026-12-26' }],
  used_by: { workspace_default: false, departments: [], sla_policies: [] },
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  ...overrides,
});

describe('the business calendar form', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));

  it('sends a calendar back as it was read', () => {
    const read = calendar();
    expect(calendarFormBody(calendarToForm(read, 'UTC'))).toEqual({ name: read.name, time_zone: read.time_zone, always_open: false, hours: read.hours, holidays: read.holidays });
  });

  it('starts a new calendar Monday to Friday 09:00–17:00 in the workspace time zone', () => {
    const body = calendarFormBody(calendarToForm(undefined, 'Asia/Jakarta'));
    expect(body.time_zone).toBe('Asia/Jakarta');
    expect(body.hours?.fri).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(body.hours?.sat).toEqual([]);
  });

  it('sends no hours or holidays for a calendar open 24×7', () => {
    const form = { ...calendarToForm(calendar(), 'UTC'), always_open: true };
    expect(calendarFormBody(form)).toMatchObject({ always_open: true, hours: week, holidays: [] });
  });

  it('tells a range ending before it starts, and an overlap, at the field the server names', () => {
    const form = calendarToForm(calendar(), 'UTC');
    form.hours.mon = [newRangeRow('08:00', '12:00'), newRangeRow('13:00', '09:00'), newRangeRow('11:00', '12:30')];
    form.hours.tue = [newRangeRow('9:00', '17:00')];
    const checked = checkCalendar(form);
    expect(checked.errors).toEqual({
      'hours.mon.1.end': 'The end must be after the start (a shift past midnight ends at 24:00)',
      'hours.mon.2.start': 'Overlaps 08:00–12:00 on the same day',
      'hours.tue.0.start': 'A start time from 00:00 to 23:59 (HH:MM)',
    });
  });

  it('asks for some working time, a real zone and each holiday once', () => {
    const form = { ...calendarToForm(calendar(), 'UTC'), time_zone: 'Mars/Olympus', hours: copyDay(calendarToForm(undefined, 'UTC').hours, 'sun', ['mon', 'tue', 'wed', 'thu', 'fri']) };
    form.holidays = [...form.holidays, { key: 99, date: '2026-12-25', name: '' }];
    expect(checkCalendar(form).errors).toEqual({
      time_zone: 'Unknown time zone',
      hours: 'Add working hours on at least one day, or choose Open 24×7',
      'holidays.2.date': 'This date is listed twice',
    });
  });

  it('reads the server’s 400 in the form’s words and keys', () => {
    const error = new ApiError(400, 'validation_error', 'Invalid request', [
      { field: 'body.hours.mon.1.end', rule: 'custom', message: 'must be after the start (a shift past midnight ends at 24:00 and goes on at 00:00 the next day)' },
      { field: 'body.hours.wed.0.start', rule: 'custom', message: 'overlaps 09:00–10:00' },
    ]);
    expect(calendarSaveErrors(error)).toEqual({
      'hours.mon.1.end': 'The end must be after the start (a shift past midnight ends at 24:00)',
      'hours.wed.0.start': 'Overlaps 09:00–10:00 on the same day',
    });
    expect(calendarSaveErrors(new ApiError(409, 'conflict', 'taken', [{ field: 'body.name', message: 'used by another calendar' }]))).toEqual({ name: 'used by another calendar' });
    expect(calendarSaveErrors(new Error('network'))).toEqual({});
  });

  it('suggests the next range after the day’s last one, never past 24:00', () => {
    expect(nextRange([])).toEqual({ start: '09:00', end: '17:00' });
    expect(nextRange([{ start: '08:00', end: '12:00' }])).toEqual({ start: '12:00', end: '13:00' });
    expect(nextRange([{ start: '18:00', end: '23:30' }])).toEqual({ start: '23:00', end: '24:00' });
  });

  it('copies a day’s ranges as new rows', () => {
    const hours = calendarToForm(calendar(), 'UTC').hours;
    const copied = copyDay(hours, 'mon', ['tue', 'wed']);
    expect(copied.tue.map(({ start, end }) => ({ start, end }))).toEqual(calendar().hours.mon);
    expect(copied.tue[0].key).not.toBe(hours.mon[0].key);
    expect(copied.thu).toEqual([]);
  });

  it('runs days with the same hours together', () => {
    const nine = [{ start: '09:00', end: '17:00' }];
    expect(summarizeHours({ mon: nine, tue: nine, wed: nine, thu: [], fri: nine, sat: [{ start: '10:00', end: '14:00' }], sun: [] })).toEqual([
      { days: ['mon', 'tue', 'wed'], ranges: '09:00–17:00' },
      { days: ['fri'], ranges: '09:00–17:00' },
      { days: ['sat'], ranges: '10:00–14:00' },
    ]);
  });

  it('finds each department’s calendar in the calendars’ "used by"', () => {
    const calendars = [calendar({ id: 4, used_by: { workspace_default: true, departments: [{ id: 7, name: 'Returns' }], sla_policies: [] } }), calendar({ id: 5 })];
    expect([...departmentCalendarIds(calendars)]).toEqual([[7, 4]]);
  });
});

describe('a pasted list of holidays', () => {
  it('reads a date per line with an optional name, from text or a spreadsheet', () => {
    expect(parseHolidayList('2026-12-25 Christmas Day\n\n2026-12-26\n2027-01-01,\t"New Year"\n2027-03-20 - Nyepi')).toEqual({
      holidays: [{ date: '2026-12-25', name: 'Christmas Day' }, { date: '2026-12-26' }, { date: '2027-01-01', name: 'New Year' }, { date: '2027-03-20', name: 'Nyepi' }],
      lines: [1, 3, 4, 5],
      badLines: [],
    });
  });

  it('takes the JSON list the API takes', () => {
    expect(parseHolidayList('["2026-12-25", {"date": "2026-12-26", "name": "Boxing Day"}]').holidays).toEqual(['2026-12-25', { date: '2026-12-26', name: 'Boxing Day' }]);
  });

  it('names the lines that are not dates, and the line of a date listed twice or impossible', () => {
    expect(checkHolidayImport('Christmas 2026-12-25\n2026-12-26\n25/12/2026', false).problem).toEqual({ kind: 'badLines', lines: [1, 3] });
    expect(checkHolidayImport('2026-12-25\n\n2026-12-25 again', true).problem).toMatchObject({ kind: 'twice', line: 3 });
    expect(checkHolidayImport('2026-02-30', false).problem).toMatchObject({ kind: 'date', line: 1 });
    expect(checkHolidayImport('  \n', false).problem).toEqual({ kind: 'empty' });
    expect(checkHolidayImport('2026-12-25 Christmas', true)).toMatchObject({ body: { holidays: [{ date: '2026-12-25', name: 'Christmas' }], replace: true }, problem: null });
  });
});
