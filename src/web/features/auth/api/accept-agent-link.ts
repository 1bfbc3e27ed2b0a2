import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../contract/auth.ts';
import { api } from '../../../lib/api-client.ts';
import { sessionQueryKey, setupStatusQueryKey } from '../../../lib/query-client.ts';
import { sessionQueryOptions } from './get-session.ts';

export interface AcceptAgentLink {
  token: string;
  password: string;
}

export const acceptAgentLink = (body: AcceptAgentLink): Promise<Me> => api<Me>('/auth/agent-link/accept', { method: 'POST', body });

const keptKeys = new Set<unknown>([sessionQueryKey[0], setupStatusQueryKey[0], 'agent-link']);

/**
 * Chooses the password with a link, which spends it; the server answers with a session cookie.
 * The new session is loaded so the signed-in pages find it, and whatever another agent signed in
 * on this browser had read is dropped.
 */
export function useAcceptAgentLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: acceptAgentLink,
    onSuccess: async () => {
      client.removeQueries({ predicate: (query) => !keptKeys.has(query.queryKey[0]) });
      await client.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
    },
  });
}
