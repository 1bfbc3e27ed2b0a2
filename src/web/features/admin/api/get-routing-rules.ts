import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RoutingRule } from '../../../../contract/routing.ts';
import { api } from '../../../lib/api-client.ts';

export const routingRulesQueryKey = ['routing-rules'] as const;

export interface RoutingRuleList {
  items: RoutingRule[];
  next_cursor: null;
}

/** The routing rules in the order they are tried. */
export const getRoutingRules = (signal?: AbortSignal): Promise<RoutingRuleList> => api<RoutingRuleList>('/routing-rules', { signal });

export const routingRulesQueryOptions = queryOptions({ queryKey: routingRulesQueryKey, queryFn: ({ signal }) => getRoutingRules(signal) });

export const useRoutingRules = () => useQuery(routingRulesQueryOptions);
