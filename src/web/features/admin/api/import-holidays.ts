import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ImportHolidaysBody, importHolidaysResult } from '../../../../contract/sla.ts';
import { api } from '../../../lib/api-client.ts';
import { calendarsQueryKey } from './get-calendars.ts';

export type HolidayImportResult = z.infer<typeof importHolidaysResult>;

export const importHolidays = ({ id, body }: { id: number; body: ImportHolidaysBody }): Promise<HolidayImportResult> =>
  api<HolidayImportResult>(`/calendars/${id}/holidays/import`, { method: 'POST', body });

/** Adds holidays to a calendar, or with `replace` makes them its only ones. */
export function useImportHolidays() {
  const client = useQueryClient();
  return useMutation({ mutationFn: importHolidays, onSuccess: () => client.invalidateQueries({ queryKey: calendarsQueryKey }) });
}
