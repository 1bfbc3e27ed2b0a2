import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Settings } from '../../../../contract/workspaces.ts';
import { api } from '../../../lib/api-client.ts';

export const settingsQueryKey = ['settings'] as const;

/** The workspace settings (admins only). */
export const getSettings = (signal?: AbortSignal): Promise<Settings> => api<Settings>('/settings', { signal });

export const settingsQueryOptions = queryOptions({ queryKey: settingsQueryKey, queryFn: ({ signal }) => getSettings(signal) });

export const useSettings = () => useQuery(settingsQueryOptions);
