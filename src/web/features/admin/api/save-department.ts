import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Department } from '../../../../contract/admin.ts';
import { api } from '../../../lib/api-client.ts';
import type { DepartmentBody } from '../department-form.ts';
import { agentsQueryOptions } from './get-agents.ts';
import { calendarsQueryKey } from './get-calendars.ts';
import { departmentsQueryOptions } from './get-departments.ts';

export interface SaveDepartment {
  /** The department to change; null adds one. */
  id: number | null;
  body: DepartmentBody;
}

export const saveDepartment = ({ id, body }: SaveDepartment): Promise<Department> =>
  id === null ? api<Department>('/departments', { method: 'POST', body }) : api<Department>(`/departments/${id}`, { method: 'PATCH', body });

/**
 * Adds or changes a department with its members; a taken name is 409, an agent that is gone 404.
 * The agents' "my departments" and the calendars' "used by" name it too, so they are read again.
 */
export function useSaveDepartment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveDepartment,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: departmentsQueryOptions.queryKey }),
        client.invalidateQueries({ queryKey: agentsQueryOptions.queryKey }),
        client.invalidateQueries({ queryKey: calendarsQueryKey }),
      ]),
  });
}
