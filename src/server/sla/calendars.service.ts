import { calendarLimits, weekdays, type BusinessCalendar } from '../../contract/calendars.ts';
import type { Calendar, ImportHolidaysBody } from '../../contract/sla.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../platform/db/pg-errors.ts';
import type { Deps } from '../platform/deps.ts';
import { iso } from '../platform/dto.ts';
import { AppError, notFound } from '../platform/errors.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { existingDepartmentIds } from '../departments/departments.repository.ts';
import {
  calendarUsage,
  deleteCalendarRow,
  findCalendarRow,
  findWorkspaceCalendar,
  insertCalendar,
  listCalendarRows,
  lockCalendarRow,
  replaceCalendar,
  setDepartmentCalendarRow,
  setWorkspaceCalendar,
  updateHolidays,
  type CalendarRow,
  type CalendarUsage,
} from './calendars.repository.ts';
import { replanWorkspace } from './replan.ts';
import { forgetSlaSetup } from './sla-setup.ts';

type Holiday = BusinessCalendar['holidays'][number];

function usedBy(id: number, usage: CalendarUsage): Calendar['used_by'] {
  return {
    workspace_default: usage.workspace.calendar_id === id,
    departments: usage.departments.filter((d) => d.calendar_id === id).map((d) => ({ id: d.id, name: d.name })),
    sla_policies: usage.policies.filter((p) => p.calendar_id === id).map((p) => ({ id: p.id, name: p.name })),
  };
}

function toCalendar(row: CalendarRow, usage: CalendarUsage): Calendar {
  return {
    id: row.id,
    name: row.name,
    time_zone: row.time_zone,
    always_open: row.always_open,
    hours: Object.fromEntries(weekdays.map((d) => [d, row.hours[d] ?? []])) as Calendar['hours'],
    holidays: row.holidays,
    used_by: usedBy(row.id, usage),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

const nameTaken = (name: string) =>
  new AppError('conflict', `A calendar named "${name}" exists already`, [{ field: 'body.name', message: 'used by another calendar' }]);

/** A calendar id sent in a body that is not one of this workspace's: 400 at the field. */
export const unknownCalendar = (field: string, id: number) =>
  new AppError('validation_error', `Unknown calendar: ${id}`, [{ field, message: 'no such calendar in this workspace' }]);

async function readCalendar(db: Db, orgId: number, id: number): Promise<Calendar> {
  const row = await findCalendarRow(db, orgId, id);
  if (!row) throw notFound('Calendar');
  return toCalendar(row, await calendarUsage(db, orgId));
}

export async function getCalendars(deps: Deps, orgId: number): Promise<Calendar[]> {
  const [rows, usage] = await Promise.all([listCalendarRows(deps.db, orgId), calendarUsage(deps.db, orgId)]);
  return rows.map((row) => toCalendar(row, usage));
}

export const getCalendar = (deps: Deps, orgId: number, id: number): Promise<Calendar> => readCalendar(deps.db, orgId, id);

/** Adds a business calendar (checked by the contract: ranges, time zone, some working time). */
export async function createCalendar(deps: Deps, orgId: number, input: BusinessCalendar): Promise<Calendar> {
  try {
    const id = await insertCalendar(deps.db, orgId, input, deps.clock.now());
    return await readCalendar(deps.db, orgId, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/** Replaces a calendar as a whole; the active tickets counting in it are planned again at the next sweep. */
export async function changeCalendar(deps: Deps, orgId: number, id: number, input: BusinessCalendar): Promise<Calendar> {
  try {
    if (!(await replaceCalendar(deps.db, orgId, id, input, deps.clock.now()))) throw notFound('Calendar');
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
  await replanWorkspace(deps, orgId);
  return readCalendar(deps.db, orgId, id);
}

function describeUse(used: Calendar['used_by']): string[] {
  const uses: string[] = [];
  if (used.workspace_default) uses.push('the workspace default');
  if (used.departments.length) uses.push(`department${used.departments.length > 1 ? 's' : ''} ${used.departments.map((d) => `"${d.name}"`).join(', ')}`);
  if (used.sla_policies.length) uses.push(`SLA polic${used.sla_policies.length > 1 ? 'ies' : 'y'} ${used.sla_policies.map((p) => `"${p.name}"`).join(', ')}`);
  return uses;
}

/** Deletes a calendar nobody counts time in; one in use is 409 naming who uses it. */
export async function deleteCalendar(deps: Deps, orgId: number, id: number): Promise<void> {
  const calendar = await readCalendar(deps.db, orgId, id);
  const uses = describeUse(calendar.used_by);
  const inUse = () =>
    new AppError('conflict', `The calendar "${calendar.name}" is used by ${uses.join('; ') || 'another setting'}; choose another calendar there first`, { used_by: calendar.used_by });
  if (uses.length) throw inUse();
  try {
    await deleteCalendarRow(deps.db, orgId, id);
  } catch (error) {
    // Taken into use between the check and the delete.
    if (isForeignKeyViolation(error)) throw inUse();
    throw error;
  }
  // Nothing counted in it: no ticket to plan again.
  forgetSlaSetup(deps.db, orgId);
}

/** Adds (or with `replace`, sets) a calendar's holidays from a list of dates; names of dates listed already are updated. */
export async function importHolidays(deps: Deps, orgId: number, id: number, input: ImportHolidaysBody) {
  const now = deps.clock.now();
  const counts = await deps.db.transaction().execute(async (trx) => {
    const row = await lockCalendarRow(trx, orgId, id);
    if (!row) throw notFound('Calendar');
    const existing = new Map(row.holidays.map((h) => [h.date, h]));
    const incoming: Holiday[] = input.holidays.map((h) => (typeof h === 'string' ? { date: h } : h));
    let added = 0;
    let renamed = 0;
    let unchanged = 0;
    const result = new Map(input.replace ? [] : existing);
    for (const h of incoming) {
      const old = existing.get(h.date);
      const name = h.name ?? old?.name;
      if (!old) added += 1;
      else if (name !== old.name) renamed += 1;
      else unchanged += 1;
      result.set(h.date, name === undefined ? { date: h.date } : { date: h.date, name });
    }
    const removed = input.replace ? [...existing.keys()].filter((date) => !result.has(date)).length : 0;
    if (result.size > calendarLimits.holidaysMax) {
      throw new AppError('validation_error', `The calendar would have ${result.size} holidays; at most ${calendarLimits.holidaysMax}`, [
        { field: 'body.holidays', message: `at most ${calendarLimits.holidaysMax} holidays in a calendar` },
      ]);
    }
    const holidays = [...result.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    await updateHolidays(trx, orgId, id, holidays, now);
    return { added, renamed, unchanged, removed };
  });
  await replanWorkspace(deps, orgId);
  return { ...counts, calendar: await readCalendar(deps.db, orgId, id) };
}

/** Refuses a calendar id that is not of this workspace; in a transaction, holds the calendar until it commits so it cannot be deleted meanwhile. */
export async function assertCalendar(db: Db, orgId: number, calendarId: number | null | undefined, field = 'body.calendar_id'): Promise<void> {
  if (calendarId != null && !(await lockCalendarRow(db, orgId, calendarId))) throw unknownCalendar(field, calendarId);
}

export async function getDefaultCalendar(deps: Deps, orgId: number) {
  return findWorkspaceCalendar(deps.db, orgId);
}

/** Sets the workspace's default calendar (null: wall-clock time, 24×7, in the workspace's time zone). */
export async function chooseDefaultCalendar(deps: Deps, orgId: number, calendarId: number | null) {
  await deps.db.transaction().execute(async (trx) => {
    await assertCalendar(trx, orgId, calendarId);
    await setWorkspaceCalendar(trx, orgId, calendarId, deps.clock.now());
  });
  await replanWorkspace(deps, orgId);
  return findWorkspaceCalendar(deps.db, orgId);
}

/** Sets a department's own calendar, which overrides the workspace's (null: the workspace's). */
export async function chooseDepartmentCalendar(deps: Deps, orgId: number, departmentId: number, calendarId: number | null) {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await existingDepartmentIds(trx, orgId, [departmentId])).has(departmentId)) throw notFound('Department');
    await assertCalendar(trx, orgId, calendarId);
    await setDepartmentCalendarRow(trx, orgId, departmentId, calendarId, deps.clock.now());
  });
  await replanWorkspace(deps, orgId);
  return { department_id: departmentId, calendar_id: calendarId };
}
