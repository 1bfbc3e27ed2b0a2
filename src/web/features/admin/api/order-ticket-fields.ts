import { useMutation, useQueryClient } from '@tanstack/react-query';
import { positionChanges, reorder } from '../category-order.ts';
import { ticketFieldsQueryOptions, type TicketFieldList } from './get-ticket-fields.ts';
import { patchTicketField } from './save-ticket-field.ts';

const queryKey = ticketFieldsQueryOptions.queryKey;

type Move = { ids: number[]; changes: { id: number; position: number }[] };

/**
 * Sets the order of the fields on the forms (every id, each once). As for categories, there is no
 * call for the whole order: each field whose place changed gets its new position. The list shows
 * the new order at once and is read again after, so a refusal halfway shows what was saved.
 */
export function useOrderTicketFields() {
  const client = useQueryClient();
  const mutation = useMutation({
    // Moves made quickly one after another reach the server in the order they were made.
    scope: { id: 'ticket-fields/order' },
    mutationFn: async ({ changes }: Move) => {
      for (const change of changes) await patchTicketField(change.id, { position: change.position });
    },
    onMutate: async ({ ids }) => {
      await client.cancelQueries({ queryKey });
      const before = client.getQueryData<TicketFieldList>(queryKey);
      if (before) client.setQueryData<TicketFieldList>(queryKey, { ...before, items: reorder(before.items, ids) });
    },
    onSettled: () => client.invalidateQueries({ queryKey }),
  });
  return {
    ...mutation,
    mutate: (ids: number[], options: { onSuccess: () => void }) =>
      mutation.mutate({ ids, changes: positionChanges(client.getQueryData<TicketFieldList>(queryKey)?.items ?? [], ids) }, options),
  };
}
