import { useQuery } from '@tanstack/react-query';
import type { AgentLinkInfo } from '../../../../contract/admin.ts';
import { api } from '../../../lib/api-client.ts';

/** Whom an invitation or password-reset link is for; 404 when it was used, has expired or is not known. */
export const readAgentLink = (token: string, signal?: AbortSignal): Promise<AgentLinkInfo> =>
  api<AgentLinkInfo>('/auth/agent-link', { method: 'POST', body: { token }, signal });

/**
 * Reads a link once (no token, no request). Every read counts against the server's limit of tries,
 * so it is not read again on focus or retried, and it is not kept once the page is left.
 */
export const useAgentLink = (token: string | null) =>
  useQuery({
    queryKey: ['agent-link', token],
    queryFn: ({ signal }) => readAgentLink(token ?? '', signal),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
