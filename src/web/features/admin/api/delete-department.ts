import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { agentsQueryOptions } from './get-agents.ts';
import { departmentsQueryOptions } from './get-departments.ts';

export const deleteDepartment = (id: number) => api<undefined>(`/departments/${id}`, { method: 'DELETE' });

/** Deletes a department nothing uses; one in use is 409 naming the uses (message and `details.used_by`). */
export function useDeleteDepartment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteDepartment,
    onSettled: () =>
      Promise.all([client.invalidateQueries({ queryKey: departmentsQueryOptions.queryKey }), client.invalidateQueries({ queryKey: agentsQueryOptions.queryKey })]),
  });
}
