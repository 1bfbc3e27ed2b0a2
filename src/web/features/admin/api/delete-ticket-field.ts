import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { ticketFieldsQueryOptions } from './get-ticket-fields.ts';

export const deleteTicketField = (id: number) => api<undefined>(`/ticket-fields/${id}`, { method: 'DELETE' });

/** Deletes a field no ticket holds a value of; one in use is 409 with `details.tickets`, and can be retired instead. */
export function useDeleteTicketField() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteTicketField,
    onSettled: () => client.invalidateQueries({ queryKey: ticketFieldsQueryOptions.queryKey }),
  });
}
