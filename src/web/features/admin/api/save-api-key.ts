import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiKey, createdApiKey } from '../../../../contract/admin.ts';
import { api } from '../../../lib/api-client.ts';
import type { ApiKeyBody } from '../api-key-form.ts';
import { apiKeysQueryKey } from './get-api-keys.ts';

export type CreatedApiKey = z.infer<typeof createdApiKey>;

export interface SaveApiKey {
  /** The key to rename or rescope; null creates one. */
  id: number | null;
  body: ApiKeyBody;
}

/** A new key comes with its secret (`key`), this once; a changed one without. */
export const saveApiKey = ({ id, body }: SaveApiKey): Promise<ApiKey | CreatedApiKey> =>
  id === null ? api<CreatedApiKey>('/api-keys', { method: 'POST', body }) : api<ApiKey>(`/api-keys/${id}`, { method: 'PATCH', body });

/** Creates an API key, or changes the name and scopes of one. */
export function useSaveApiKey() {
  const client = useQueryClient();
  return useMutation({ mutationFn: saveApiKey, onSuccess: () => client.invalidateQueries({ queryKey: apiKeysQueryKey }) });
}
