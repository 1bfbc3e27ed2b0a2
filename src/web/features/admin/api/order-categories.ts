import { useMutation, useQueryClient } from '@tanstack/react-query';
import { positionChanges, reorder } from '../category-order.ts';
import { categoriesQueryOptions, type CategoryList } from './get-categories.ts';
import { patchCategory } from './save-category.ts';

const queryKey = categoriesQueryOptions.queryKey;

type Move = { ids: number[]; changes: { id: number; position: number }[] };

/**
 * Sets the order of the categories (every id, each once). There is no call for the whole order:
 * each category whose place changed gets its new position, one after another. The list shows the
 * new order at once and is read again after, so a refusal halfway shows what was saved.
 */
export function useOrderCategories() {
  const client = useQueryClient();
  const mutation = useMutation({
    // Moves made quickly one after another reach the server in the order they were made.
    scope: { id: 'categories/order' },
    mutationFn: async ({ changes }: Move) => {
      for (const change of changes) await patchCategory(change.id, { position: change.position });
    },
    onMutate: async ({ ids }) => {
      await client.cancelQueries({ queryKey });
      const before = client.getQueryData<CategoryList>(queryKey);
      if (before) client.setQueryData<CategoryList>(queryKey, { ...before, items: reorder(before.items, ids) });
    },
    onSettled: () => client.invalidateQueries({ queryKey }),
  });
  return {
    ...mutation,
    /** The changes are worked out from the list as shown before this move (a move saved gives every category its index as position). */
    mutate: (ids: number[], options: { onSuccess: () => void }) =>
      mutation.mutate({ ids, changes: positionChanges(client.getQueryData<CategoryList>(queryKey)?.items ?? [], ids) }, options),
  };
}
