import type { BusinessCalendar } from '../../contract/calendars.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

const columns = ['id', 'name', 'time_zone', 'always_open', 'hours', 'holidays', 'created_at', 'updated_at'] as const;

export const listCalendarRows = (db: Db, orgId: number) =>
  db.selectFrom('business_calendars').select(columns).where('org_id', '=', orgId).orderBy('name').orderBy('id').execute();

export const findCalendarRow = (db: Db, orgId: number, id: number) =>
  db.selectFrom('business_calendars').select(columns).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();

export type CalendarRow = NonNullable<Awaited<ReturnType<typeof findCalendarRow>>>;

/** The row and its lock until the transaction ends: holiday imports of one calendar take turns. */
export const lockCalendarRow = (db: Db, orgId: number, id: number) =>
  db.selectFrom('business_calendars').select(columns).where('org_id', '=', orgId).where('id', '=', id).forUpdate().executeTakeFirst();

const stored = (c: BusinessCalendar) => ({
  name: c.name,
  time_zone: c.time_zone,
  always_open: c.always_open,
  hours: JSON.stringify(c.hours),
  holidays: JSON.stringify(c.holidays),
});

export async function insertCalendar(db: Db, orgId: number, calendar: BusinessCalendar, now: Date): Promise<number> {
  const row = await db
    .insertInto('business_calendars')
    .values({ org_id: orgId, ...stored(calendar), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceCalendar(db: Db, orgId: number, id: number, calendar: BusinessCalendar, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('business_calendars')
    .set({ ...stored(calendar), updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function updateHolidays(db: Db, orgId: number, id: number, holidays: BusinessCalendar['holidays'], now: Date): Promise<void> {
  await db
    .updateTable('business_calendars')
    .set({ holidays: JSON.stringify(holidays), updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteCalendarRow(db: Db, orgId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom('business_calendars').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Who counts time in which calendar: the workspace default, departments and SLA policies. */
export async function calendarUsage(db: Db, orgId: number) {
  const [workspace, departments, policies] = await Promise.all([
    db.selectFrom('workspaces').select(['calendar_id', 'time_zone']).where('org_id', '=', orgId).executeTakeFirstOrThrow(),
    db.selectFrom('departments').select(['id', 'name', 'calendar_id']).where('org_id', '=', orgId).where('calendar_id', 'is not', null).orderBy('name').execute(),
    db.selectFrom('sla_policies').select(['id', 'name', 'calendar_id']).where('org_id', '=', orgId).where('calendar_id', 'is not', null).orderBy('position').orderBy('id').execute(),
  ]);
  return { workspace, departments, policies };
}
export type CalendarUsage = Awaited<ReturnType<typeof calendarUsage>>;

export const findWorkspaceCalendar = (db: Db, orgId: number) =>
  db.selectFrom('workspaces').select(['calendar_id', 'time_zone']).where('org_id', '=', orgId).executeTakeFirstOrThrow();

export async function setWorkspaceCalendar(db: Db, orgId: number, calendarId: number | null, now: Date): Promise<void> {
  await db.updateTable('workspaces').set({ calendar_id: calendarId, updated_at: now }).where('org_id', '=', orgId).execute();
}

export async function setDepartmentCalendarRow(db: Db, orgId: number, departmentId: number, calendarId: number | null, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('departments')
    .set({ calendar_id: calendarId, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', departmentId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Departments that have a calendar of their own, by id. */
export const listDepartmentCalendars = (db: Db, orgId: number) =>
  db.selectFrom('departments').select(['id', 'calendar_id']).where('org_id', '=', orgId).where('calendar_id', 'is not', null).execute();
