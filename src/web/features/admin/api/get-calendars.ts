import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Calendar } from '../../../../contract/sla.ts';
import { api } from '../../../lib/api-client.ts';

export const calendarsQueryKey = ['calendars'] as const;

export interface CalendarList {
  items: Calendar[];
  next_cursor: null;
}

/** The workspace's business calendars, each with what counts time in it. */
export const getCalendars = (signal?: AbortSignal): Promise<CalendarList> => api<CalendarList>('/calendars', { signal });

export const calendarsQueryOptions = queryOptions({ queryKey: [...calendarsQueryKey, 'list'], queryFn: ({ signal }) => getCalendars(signal) });

export const useCalendars = () => useQuery(calendarsQueryOptions);
