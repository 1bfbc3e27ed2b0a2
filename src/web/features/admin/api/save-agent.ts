import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Agent } from '../../../../contract/admin.ts';
import { api } from '../../../lib/api-client.ts';
import { sessionQueryKey } from '../../../lib/query-client.ts';
import type { AgentBody } from '../agent-form.ts';
import { agentsQueryOptions } from './get-agents.ts';
import { departmentsQueryOptions } from './get-departments.ts';

export interface SaveAgent {
  /** The agent to change; null invites a new one. */
  id: number | null;
  body: AgentBody;
}

/** Invites an agent (POST /agents/invitations mails them a one-time link) or changes one's name, role and departments. */
export const saveAgent = ({ id, body }: SaveAgent): Promise<Agent> =>
  id === null ? api<Agent>('/agents/invitations', { method: 'POST', body }) : api<Agent>(`/agents/${id}`, { method: 'PATCH', body });

/**
 * Invites or changes an agent: a taken email is 409, and so is taking the admin role from the last
 * active admin; a department that is gone is 404. The departments list their members, and the
 * signed-in admin may have changed their own role, so both are read again.
 */
export function useSaveAgent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveAgent,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: agentsQueryOptions.queryKey }),
        client.invalidateQueries({ queryKey: departmentsQueryOptions.queryKey }),
        client.invalidateQueries({ queryKey: sessionQueryKey }),
      ]),
  });
}
