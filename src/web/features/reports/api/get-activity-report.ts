import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ActivityReport } from '../../../../contract/reports.ts';
import { api } from '../../../lib/api-client.ts';

/** Events a page of the activity table holds, as many as a page of the ticket lists. */
export const activityPageSize = 50;

/** One page of the activity (GET /api/v1/reports/activity), newest first; `query` is toActivityQuery's. */
export const getActivityReport = (query: Record<string, string>, cursor: string | null, signal?: AbortSignal): Promise<ActivityReport> =>
  api<ActivityReport>('/reports/activity', { query: { ...query, limit: activityPageSize, cursor }, signal });

export const activityReportQueryOptions = (query: Record<string, string>) =>
  infiniteQueryOptions({
    queryKey: ['reports', 'activity', query],
    queryFn: ({ pageParam, signal }) => getActivityReport(query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

/** The activity, paged by the server's cursor ("Load more"); nothing is asked while `query` is null. */
export const useActivityReport = (query: Record<string, string> | null) => useInfiniteQuery({ ...activityReportQueryOptions(query ?? {}), enabled: query !== null });
