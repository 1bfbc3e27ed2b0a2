import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { type SlaPolicyList, slaPoliciesQueryKey } from './get-sla-policies.ts';

export const orderSlaPolicies = (ids: number[]): Promise<SlaPolicyList> => api<SlaPolicyList>('/sla-policies/order', { method: 'PUT', body: { ids } });

/** Sets the order policies are tried in (every id, each once); the list shows the new order at once and goes back if the server refuses. */
export function useOrderSlaPolicies() {
  const client = useQueryClient();
  return useMutation({
    // Moves made quickly one after another reach the server in the order they were made.
    scope: { id: 'sla-policy-order' },
    mutationFn: orderSlaPolicies,
    onMutate: async (ids) => {
      await client.cancelQueries({ queryKey: slaPoliciesQueryKey });
      const before = client.getQueryData<SlaPolicyList>(slaPoliciesQueryKey);
      if (before) {
        const byId = new Map(before.items.map((p) => [p.id, p]));
        const items = ids.flatMap((id, position) => {
          const policy = byId.get(id);
          return policy ? [{ ...policy, position }] : [];
        });
        client.setQueryData<SlaPolicyList>(slaPoliciesQueryKey, { ...before, items });
      }
      return { before };
    },
    onSuccess: (list) => client.setQueryData(slaPoliciesQueryKey, list),
    onError: (_error, _ids, context) => {
      if (context?.before) client.setQueryData(slaPoliciesQueryKey, context.before);
    },
    onSettled: () => client.invalidateQueries({ queryKey: slaPoliciesQueryKey }),
  });
}
