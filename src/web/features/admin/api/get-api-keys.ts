import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiKey } from '../../../../contract/admin.ts';
import { api } from '../../../lib/api-client.ts';

export const apiKeysQueryKey = ['api-keys'] as const;

export interface ApiKeyList {
  items: ApiKey[];
  next_cursor: null;
}

/** The workspace's API keys, revoked ones included; never their secrets. */
export const getApiKeys = (signal?: AbortSignal): Promise<ApiKeyList> => api<ApiKeyList>('/api-keys', { signal });

export const useApiKeys = () => useQuery(queryOptions({ queryKey: apiKeysQueryKey, queryFn: ({ signal }) => getApiKeys(signal) }));
