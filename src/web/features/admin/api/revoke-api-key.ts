import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiKey } from '../../../../contract/admin.ts';
import { api } from '../../../lib/api-client.ts';
import { apiKeysQueryKey } from './get-api-keys.ts';

export const revokeApiKey = (id: number): Promise<ApiKey> => api<ApiKey>(`/api-keys/${id}`, { method: 'DELETE' });

/** Revokes an API key for good: calls with it are refused from then on. */
export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({ mutationFn: revokeApiKey, onSettled: () => client.invalidateQueries({ queryKey: apiKeysQueryKey }) });
}
