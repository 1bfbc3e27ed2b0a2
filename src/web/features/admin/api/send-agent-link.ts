import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { sentAgentLink } from '../../../../contract/admin.ts';
import { api } from '../../../lib/api-client.ts';
import { agentsQueryOptions } from './get-agents.ts';

export type SentAgentLink = z.infer<typeof sentAgentLink>;

export interface SendAgentLink {
  agentId: number;
  /** A new invitation for an invited agent, or a link to choose a new password for an active one. */
  purpose: 'invitation' | 'password_reset';
}

const paths = { invitation: 'invitation', password_reset: 'password-reset' } as const;

export const sendAgentLink = ({ agentId, purpose }: SendAgentLink): Promise<SentAgentLink> =>
  api<SentAgentLink>(`/agents/${agentId}/${paths[purpose]}`, { method: 'POST' });

/**
 * Mails an agent a one-time link; earlier links of theirs stop working. The answer says where it
 * went and when it expires, never the link. A link that no longer fits the agent's status is 409,
 * so the list is read again either way (an invitation's expiry moves too).
 */
export function useSendAgentLink() {
  const client = useQueryClient();
  return useMutation({ mutationFn: sendAgentLink, onSettled: () => client.invalidateQueries({ queryKey: agentsQueryOptions.queryKey }) });
}
