import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { OverviewReport } from '../../../../contract/reports.ts';
import { api } from '../../../lib/api-client.ts';

/** The overview of a range (GET /api/v1/reports/overview); `query` is toOverviewQuery's. */
export const getOverviewReport = (query: Record<string, string>, signal?: AbortSignal): Promise<OverviewReport> => api<OverviewReport>('/reports/overview', { query, signal });

export const overviewReportQueryOptions = (query: Record<string, string>) =>
  queryOptions({
    queryKey: ['reports', 'overview', query],
    queryFn: ({ signal }) => getOverviewReport(query, signal),
    // Another range or filter keeps the figures on screen until the new ones arrive, instead of a blank page.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

/** The overview; nothing is asked while `query` is null (a range the page refuses itself). */
export const useOverviewReport = (query: Record<string, string> | null) => useQuery({ ...overviewReportQueryOptions(query ?? {}), enabled: query !== null });
