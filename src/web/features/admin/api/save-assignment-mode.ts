import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Department } from '../../../../contract/admin.ts';
import type { AssignmentMode } from '../../../../contract/routing.ts';
import { api } from '../../../lib/api-client.ts';
import { type DepartmentList, departmentsQueryOptions } from './get-departments.ts';

export const saveAssignmentMode = ({ departmentId, mode }: { departmentId: number; mode: AssignmentMode }): Promise<Department> =>
  api<Department>(`/departments/${departmentId}`, { method: 'PATCH', body: { assignment_mode: mode } });

/** How a department's new tickets get an assignee: manual, round robin or least loaded. */
export function useSaveAssignmentMode() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveAssignmentMode,
    onSuccess: (saved) =>
      client.setQueryData<DepartmentList>(departmentsQueryOptions.queryKey, (list) => list && { ...list, items: list.items.map((d) => (d.id === saved.id ? saved : d)) }),
    onSettled: () => client.invalidateQueries({ queryKey: departmentsQueryOptions.queryKey }),
  });
}
