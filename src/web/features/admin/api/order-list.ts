import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** A list whose items are tried in order, as its GET returns it. */
interface OrderedList {
  items: { id: number; position: number }[];
}

/**
 * Sets the order a list is tried in with `PUT <path>/order` (every id, each once); the list shows
 * the new order at once and goes back if the server refuses. SLA policies and routing rules use it.
 */
export function useOrderList<L extends OrderedList>(path: string, queryKey: QueryKey) {
  const client = useQueryClient();
  return useMutation({
    // Moves made quickly one after another reach the server in the order they were made.
    scope: { id: `${path}/order` },
    mutationFn: (ids: number[]) => api<L>(`${path}/order`, { method: 'PUT', body: { ids } }),
    onMutate: async (ids) => {
      await client.cancelQueries({ queryKey });
      const before = client.getQueryData<L>(queryKey);
      if (before) {
        const byId = new Map(before.items.map((item) => [item.id, item]));
        const items = ids.flatMap((id, position) => {
          const item = byId.get(id);
          return item ? [{ ...item, position }] : [];
        });
        client.setQueryData<L>(queryKey, { ...before, items });
      }
      return { before };
    },
    onSuccess: (list) => client.setQueryData(queryKey, list),
    onError: (_error, _ids, context) => {
      if (context?.before) client.setQueryData(queryKey, context.before);
    },
    onSettled: () => client.invalidateQueries({ queryKey }),
  });
}
