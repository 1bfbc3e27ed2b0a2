import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { calendarsQueryKey } from './get-calendars.ts';

export const deleteCalendar = (id: number) => api<undefined>(`/calendars/${id}`, { method: 'DELETE' });

/** Deletes a calendar nobody counts time in; one in use is 409 with `details.used_by`. */
export function useDeleteCalendar() {
  const client = useQueryClient();
  return useMutation({ mutationFn: deleteCalendar, onSettled: () => client.invalidateQueries({ queryKey: calendarsQueryKey }) });
}
