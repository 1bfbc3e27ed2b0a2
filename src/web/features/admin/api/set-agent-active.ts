import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Agent } from '../../../../contract/admin.ts';
import { api } from '../../../lib/api-client.ts';
import { agentsQueryOptions } from './get-agents.ts';

export interface SetAgentActive {
  id: number;
  isActive: boolean;
}

export const setAgentActive = ({ id, isActive }: SetAgentActive): Promise<Agent> => api<Agent>(`/agents/${id}`, { method: 'PATCH', body: { is_active: isActive } });

/**
 * Deactivates an agent (they cannot sign in, and their sessions end at once) or reactivates one.
 * Deactivating the last active admin is refused with 409.
 */
export function useSetAgentActive() {
  const client = useQueryClient();
  return useMutation({ mutationFn: setAgentActive, onSettled: () => client.invalidateQueries({ queryKey: agentsQueryOptions.queryKey }) });
}
