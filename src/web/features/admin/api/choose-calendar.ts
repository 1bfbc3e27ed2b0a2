import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { calendarsQueryKey } from './get-calendars.ts';
import { type DefaultCalendar, defaultCalendarQueryKey } from './get-default-calendar.ts';

/** Where a calendar is chosen: the workspace default, or one department's own. */
export type CalendarChoice = { of: 'workspace'; calendarId: number | null } | { of: 'department'; departmentId: number; calendarId: number | null };

export const chooseCalendar = (choice: CalendarChoice): Promise<DefaultCalendar | { department_id: number; calendar_id: number | null }> =>
  choice.of === 'workspace'
    ? api<DefaultCalendar>('/calendars/default', { method: 'PUT', body: { calendar_id: choice.calendarId } })
    : api<{ department_id: number; calendar_id: number | null }>(`/departments/${choice.departmentId}/calendar`, { method: 'PUT', body: { calendar_id: choice.calendarId } });

/** Sets the workspace's default calendar or a department's; the calendars' "used by" change with it. */
export function useChooseCalendar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: chooseCalendar,
    onSuccess: (saved) => {
      if ('time_zone' in saved) client.setQueryData(defaultCalendarQueryKey, saved);
    },
    onSettled: () => client.invalidateQueries({ queryKey: calendarsQueryKey }),
  });
}
