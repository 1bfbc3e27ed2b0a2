import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { defaultCalendar } from '../../../../contract/sla.ts';
import { api } from '../../../lib/api-client.ts';
import { calendarsQueryKey } from './get-calendars.ts';

export type DefaultCalendar = z.infer<typeof defaultCalendar>;

export const defaultCalendarQueryKey = [...calendarsQueryKey, 'default'] as const;

/** The workspace's default calendar (null: 24×7) and the workspace time zone. */
export const getDefaultCalendar = (signal?: AbortSignal): Promise<DefaultCalendar> => api<DefaultCalendar>('/calendars/default', { signal });

export const defaultCalendarQueryOptions = queryOptions({ queryKey: defaultCalendarQueryKey, queryFn: ({ signal }) => getDefaultCalendar(signal) });

export const useDefaultCalendar = () => useQuery(defaultCalendarQueryOptions);
