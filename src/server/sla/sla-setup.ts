import type { Kysely } from 'kysely';
import { weekdays, type BusinessCalendar } from '../../contract/calendars.ts';
import type { DB } from '../platform/db/schema.ts';
import { ShortCache } from '../platform/short-cache.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { workingCalendar, type WorkingCalendar } from './business-calendar.ts';
import { findWorkspaceCalendar, listCalendarRows, listDepartmentCalendars, type CalendarRow } from './calendars.repository.ts';
import { listLevelRows, type LevelRow } from './escalation-levels.repository.ts';
import { listPolicyRows, type PolicyRow } from './sla-policies.repository.ts';

/** What the SLA rules need of a workspace: its active policies in order, its calendars compiled, its escalation levels. */
export interface SlaSetup {
  policies: PolicyRow[];
  calendars: Map<number, WorkingCalendar>;
  departmentCalendars: Map<number, number>;
  workspaceCalendarId: number | null;
  /** No calendar at all: the wall clock, 24×7, in the workspace's time zone. */
  wallClock: WorkingCalendar;
  /** Each department's escalation levels, level 1 first. */
  escalationLevels: Map<number, LevelRow[]>;
}

// Every ticket change reads this; an admin's change made here shows at once, one made by another
// process after this long at most.
const setups = new ShortCache<number, SlaSetup>(5_000);

const noHours = Object.fromEntries(weekdays.map((d) => [d, []])) as unknown as BusinessCalendar['hours'];

/** Compiles a stored calendar; one that no longer compiles (a time zone gone from the tz database) counts as none. */
function compile(row: Pick<CalendarRow, 'time_zone' | 'always_open' | 'hours' | 'holidays'>): WorkingCalendar | null {
  try {
    return workingCalendar({ time_zone: row.time_zone, always_open: row.always_open, hours: { ...noHours, ...row.hours }, holidays: row.holidays });
  } catch {
    return null;
  }
}

function wallClockIn(timeZone: string): WorkingCalendar {
  return compile({ time_zone: timeZone, always_open: true, hours: noHours, holidays: [] }) ?? workingCalendar({ time_zone: 'UTC', always_open: true, hours: noHours, holidays: [] });
}

async function loadSetup(db: Db, orgId: number): Promise<SlaSetup> {
  const [policies, calendars, departments, workspace, levels] = await Promise.all([
    listPolicyRows(db, orgId, { activeOnly: true }),
    listCalendarRows(db, orgId),
    listDepartmentCalendars(db, orgId),
    findWorkspaceCalendar(db, orgId),
    listLevelRows(db, orgId),
  ]);
  const escalationLevels = new Map<number, LevelRow[]>();
  for (const level of levels) escalationLevels.set(level.department_id, [...(escalationLevels.get(level.department_id) ?? []), level]);
  const compiled = new Map<number, WorkingCalendar>();
  for (const row of calendars) {
    const cal = compile(row);
    if (cal) compiled.set(row.id, cal);
  }
  return {
    policies,
    calendars: compiled,
    departmentCalendars: new Map(departments.map((d) => [d.id, d.calendar_id as number])),
    workspaceCalendarId: workspace.calendar_id,
    wallClock: wallClockIn(workspace.time_zone),
    escalationLevels,
  };
}

/** The workspace's SLA setup, cached briefly per database (`root`); `db` may be a transaction. */
export async function slaSetup(root: Kysely<DB>, db: Db, orgId: number): Promise<SlaSetup> {
  return (await setups.read(root, orgId, () => loadSetup(db, orgId))) as SlaSetup;
}

/** Called by every change to a workspace's calendars, policies, calendar choices or escalation levels. */
export function forgetSlaSetup(root: Kysely<DB>, orgId: number): void {
  setups.delete(root, orgId);
}

/** The calendar a ticket's time counts in: the policy's, else its department's, else the workspace's, else the wall clock. */
export function calendarFor(setup: SlaSetup, policyCalendarId: number | null, departmentId: number | null): WorkingCalendar {
  const departmentCalendarId = departmentId === null ? undefined : setup.departmentCalendars.get(departmentId);
  for (const id of [policyCalendarId, departmentCalendarId, setup.workspaceCalendarId]) {
    const cal = id == null ? undefined : setup.calendars.get(id);
    if (cal) return cal;
  }
  return setup.wallClock;
}

/** A department's escalation levels, level 1 first (none for no department). */
export const levelsFor = (setup: SlaSetup, departmentId: number | null): LevelRow[] => (departmentId === null ? [] : (setup.escalationLevels.get(departmentId) ?? []));
