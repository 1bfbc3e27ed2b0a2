import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JobList } from '../../../../contract/jobs.ts';
import { api } from '../../../lib/api-client.ts';

/** How often the page asks again on its own. */
export const jobsRefreshMs = 15_000;

/** The background sweeper's duties and their last runs. */
export const getJobs = (signal?: AbortSignal): Promise<JobList> => api<JobList>('/admin/jobs', { signal });

export const jobsQueryOptions = queryOptions({ queryKey: ['admin-jobs'], queryFn: ({ signal }) => getJobs(signal), staleTime: 0, refetchInterval: jobsRefreshMs });

export const useJobs = () => useQuery(jobsQueryOptions);
