import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me, PatchMeBody } from '../../../../contract/auth.ts';
import { api } from '../../../lib/api-client.ts';
import { sessionQueryKey } from '../../../lib/query-client.ts';

export const changeMe = (body: PatchMeBody): Promise<Me> => api<Me>('/auth/me', { method: 'PATCH', body });

/** Saves the agent's own settings (their language), so every device they sign in on follows. */
export function useChangeMe() {
  const client = useQueryClient();
  return useMutation({ mutationFn: changeMe, onSuccess: (me) => client.setQueryData(sessionQueryKey, me) });
}
