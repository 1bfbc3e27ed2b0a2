import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createTicketFieldBody, patchTicketFieldBody, TicketField } from '../../../../contract/ticket-fields.ts';
import { api } from '../../../lib/api-client.ts';
import { ticketFieldsQueryOptions } from './get-ticket-fields.ts';

export type CreateTicketFieldInput = z.input<typeof createTicketFieldBody>;
export type PatchTicketFieldInput = z.input<typeof patchTicketFieldBody>;

export const createTicketField = (body: CreateTicketFieldInput): Promise<TicketField> => api<TicketField>('/ticket-fields', { method: 'POST', body });
export const patchTicketField = (id: number, body: PatchTicketFieldInput): Promise<TicketField> => api<TicketField>(`/ticket-fields/${id}`, { method: 'PATCH', body });

export type SaveTicketField = { id: null; body: CreateTicketFieldInput } | { id: number; body: PatchTicketFieldInput };

/**
 * Defines a field (id null) or changes one; a taken key is 409, a select without options 400 at
 * `body.options`. The create form, the ticket view and the dashboard filter read the list again.
 */
export function useSaveTicketField() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (save: SaveTicketField) => (save.id === null ? createTicketField(save.body) : patchTicketField(save.id, save.body)),
    onSettled: () => client.invalidateQueries({ queryKey: ticketFieldsQueryOptions.queryKey }),
  });
}

/** One change to a field outside its dialog: retire or restore it. */
export function usePatchTicketField() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: PatchTicketFieldInput }) => patchTicketField(id, body),
    onSettled: () => client.invalidateQueries({ queryKey: ticketFieldsQueryOptions.queryKey }),
  });
}
