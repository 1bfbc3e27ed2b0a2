import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { routingRulesQueryKey } from './get-routing-rules.ts';

export const deleteRoutingRule = (id: number) => api<undefined>(`/routing-rules/${id}`, { method: 'DELETE' });

/** Deletes a routing rule; the tickets it routed keep their department. */
export function useDeleteRoutingRule() {
  const client = useQueryClient();
  return useMutation({ mutationFn: deleteRoutingRule, onSettled: () => client.invalidateQueries({ queryKey: routingRulesQueryKey }) });
}
