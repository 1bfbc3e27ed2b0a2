import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BusinessCalendarInput } from '../../../../contract/calendars.ts';
import type { Calendar } from '../../../../contract/sla.ts';
import { api } from '../../../lib/api-client.ts';
import { calendarsQueryKey } from './get-calendars.ts';

export interface SaveCalendar {
  /** The calendar to replace; null adds one. */
  id: number | null;
  body: BusinessCalendarInput;
}

export const saveCalendar = ({ id, body }: SaveCalendar): Promise<Calendar> =>
  id === null ? api<Calendar>('/calendars', { method: 'POST', body }) : api<Calendar>(`/calendars/${id}`, { method: 'PUT', body });

/** Adds or replaces a business calendar; a bad range is 400 at its field (`hours.mon.1.end`), a taken name 409 at `name`. */
export function useSaveCalendar() {
  const client = useQueryClient();
  return useMutation({ mutationFn: saveCalendar, onSuccess: () => client.invalidateQueries({ queryKey: calendarsQueryKey }) });
}
