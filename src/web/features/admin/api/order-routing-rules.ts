import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { type RoutingRuleList, routingRulesQueryKey } from './get-routing-rules.ts';

export const orderRoutingRules = (ids: number[]): Promise<RoutingRuleList> => api<RoutingRuleList>('/routing-rules/order', { method: 'PUT', body: { ids } });

/** Sets the order rules are tried in (every id, each once); the list shows the new order at once and goes back if the server refuses. */
export function useOrderRoutingRules() {
  const client = useQueryClient();
  return useMutation({
    // Moves made quickly one after another reach the server in the order they were made.
    scope: { id: 'routing-rule-order' },
    mutationFn: orderRoutingRules,
    onMutate: async (ids) => {
      await client.cancelQueries({ queryKey: routingRulesQueryKey });
      const before = client.getQueryData<RoutingRuleList>(routingRulesQueryKey);
      if (before) {
        const byId = new Map(before.items.map((r) => [r.id, r]));
        const items = ids.flatMap((id, position) => {
          const rule = byId.get(id);
          return rule ? [{ ...rule, position }] : [];
        });
        client.setQueryData<RoutingRuleList>(routingRulesQueryKey, { ...before, items });
      }
      return { before };
    },
    onSuccess: (list) => client.setQueryData(routingRulesQueryKey, list),
    onError: (_error, _ids, context) => {
      if (context?.before) client.setQueryData(routingRulesQueryKey, context.before);
    },
    onSettled: () => client.invalidateQueries({ queryKey: routingRulesQueryKey }),
  });
}
