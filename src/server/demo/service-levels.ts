import type { Deps } from '../platform/deps.ts';
import { chooseDefaultCalendar, createCalendar } from '../sla/calendars.service.ts';
import { setEscalationLevels } from '../sla/escalation-levels.service.ts';
import { createPolicy } from '../sla/sla-policies.service.ts';

const HOUR = 3600;
const weekday = [{ start: '08:00', end: '17:00' }];

/**
 * The demo shop's service levels, set before its tickets so that each gets its due times as it
 * is created: Jakarta office hours with Indonesia's public holidays, a fast lane for urgent and
 * high priority, and in every department a two-level escalation — the supervisors first, then a
 * raised priority.
 */
export async function seedServiceLevels(d: Deps, orgId: number, departmentIds: number[], supervisorIds: number[]): Promise<void> {
  const calendar = await createCalendar(d, orgId, {
    name: 'Jakarta office hours',
    time_zone: 'Asia/Jakarta',
    always_open: false,
    hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [{ start: '09:00', end: '13:00' }], sun: [] },
    holidays: [
      { date: '2026-01-01', name: 'Tahun Baru Masehi' },
      { date: '2026-03-20', name: 'Idul Fitri' },
      { date: '2026-03-21', name: 'Idul Fitri' },
      { date: '2026-05-01', name: 'Hari Buruh' },
      { date: '2026-06-01', name: 'Hari Lahir Pancasila' },
      { date: '2026-08-17', name: 'Hari Kemerdekaan' },
      { date: '2026-12-25', name: 'Hari Natal' },
    ],
  });
  await chooseDefaultCalendar(d, orgId, calendar.id);
  const targets = { warning_percent: 80, calendar_id: null, is_active: true, department_ids: null, channels: null, category_ids: null };
  await createPolicy(d, orgId, { ...targets, name: 'Urgent and high', priorities: ['urgent', 'high'], first_response_seconds: HOUR, next_response_seconds: 2 * HOUR, resolution_seconds: 8 * HOUR });
  await createPolicy(d, orgId, { ...targets, name: 'Standard', priorities: null, first_response_seconds: 4 * HOUR, next_response_seconds: 8 * HOUR, resolution_seconds: 27 * HOUR });
  for (const departmentId of departmentIds) {
    await setEscalationLevels(d, orgId, departmentId, {
      levels: [
        { delay_seconds: 0, notify_agent_ids: supervisorIds, notify_department_id: null, reassign_department_id: null, reassign_agent_id: null, raise_priority_to: null },
        { delay_seconds: 4 * HOUR, notify_agent_ids: supervisorIds, notify_department_id: departmentId, reassign_department_id: null, reassign_agent_id: null, raise_priority_to: 'high' },
      ],
    });
  }
}
