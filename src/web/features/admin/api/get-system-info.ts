import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SystemInfo } from '../../../../contract/system.ts';
import { api } from '../../../lib/api-client.ts';

export const systemInfoQueryKey = ['admin-system'] as const;

/** The system's version, database size and maintenance, and this workspace's queues. */
export const getSystemInfo = (signal?: AbortSignal): Promise<SystemInfo> => api<SystemInfo>('/admin/system', { signal });

// Read afresh whenever the page opens: the queues and the database move on their own.
export const systemInfoQueryOptions = queryOptions({ queryKey: systemInfoQueryKey, queryFn: ({ signal }) => getSystemInfo(signal), staleTime: 0 });

export const useSystemInfo = () => useQuery(systemInfoQueryOptions);
