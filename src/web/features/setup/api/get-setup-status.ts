import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { setupStatusQueryKey } from '../../../lib/query-client.ts';

export interface SetupStatus {
  needed: boolean;
}

/** Whether this installation still has no workspace, so the first-run setup page applies. */
export const getSetupStatus = (signal?: AbortSignal): Promise<SetupStatus> => api<SetupStatus>('/setup', { signal });

export const setupStatusQueryOptions = queryOptions({
  queryKey: setupStatusQueryKey,
  queryFn: ({ signal }) => getSetupStatus(signal),
  // Setup happens once; nothing but this app's own setup call turns it off.
  staleTime: Infinity,
});

export const useSetupStatus = () => useQuery(setupStatusQueryOptions);
