import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SlaPolicy } from '../../../../contract/sla.ts';
import { api } from '../../../lib/api-client.ts';

export const slaPoliciesQueryKey = ['sla-policies'] as const;

export interface SlaPolicyList {
  items: SlaPolicy[];
  next_cursor: null;
}

/** The SLA policies in the order they are tried. */
export const getSlaPolicies = (signal?: AbortSignal): Promise<SlaPolicyList> => api<SlaPolicyList>('/sla-policies', { signal });

export const slaPoliciesQueryOptions = queryOptions({ queryKey: slaPoliciesQueryKey, queryFn: ({ signal }) => getSlaPolicies(signal) });

export const useSlaPolicies = () => useQuery(slaPoliciesQueryOptions);
