import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { calendarsQueryKey } from './get-calendars.ts';
import { slaPoliciesQueryKey } from './get-sla-policies.ts';

export const deleteSlaPolicy = (id: number) => api<undefined>(`/sla-policies/${id}`, { method: 'DELETE' });

/** Deletes an SLA policy; its tickets keep their due times until they change. */
export function useDeleteSlaPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteSlaPolicy,
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: slaPoliciesQueryKey }), client.invalidateQueries({ queryKey: calendarsQueryKey })]),
  });
}
