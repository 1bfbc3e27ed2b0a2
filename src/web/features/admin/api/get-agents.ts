import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Agent } from '../../../../contract/admin.ts';
import { api } from '../../../lib/api-client.ts';

export interface AgentList {
  items: Agent[];
  next_cursor: null;
}

/** The workspace's agents, deactivated ones included and flagged. */
export const getAgents = (signal?: AbortSignal): Promise<AgentList> => api<AgentList>('/agents', { signal });

export const agentsQueryOptions = queryOptions({ queryKey: ['agents'], queryFn: ({ signal }) => getAgents(signal), staleTime: 60_000 });

export const useAgents = () => useQuery(agentsQueryOptions);
