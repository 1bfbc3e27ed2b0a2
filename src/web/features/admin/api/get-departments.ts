import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Department } from '../../../../contract/admin.ts';
import { api } from '../../../lib/api-client.ts';

export interface DepartmentList {
  items: Department[];
  next_cursor: null;
}

/** The workspace's departments with their members. */
export const getDepartments = (signal?: AbortSignal): Promise<DepartmentList> => api<DepartmentList>('/departments', { signal });

export const departmentsQueryOptions = queryOptions({
  queryKey: ['departments'],
  queryFn: ({ signal }) => getDepartments(signal),
  // Admins rarely change departments; a ticket naming a removed one is refused and the list reloaded.
  staleTime: 5 * 60_000,
});

export const useDepartments = () => useQuery(departmentsQueryOptions);
