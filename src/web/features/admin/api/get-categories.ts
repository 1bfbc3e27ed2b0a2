import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Category } from '../../../../contract/admin.ts';
import { api } from '../../../lib/api-client.ts';

export interface CategoryList {
  items: Category[];
  next_cursor: null;
}

/** The workspace's categories in their order, retired ones included and flagged. */
export const getCategories = (signal?: AbortSignal): Promise<CategoryList> => api<CategoryList>('/categories', { signal });

export const categoriesQueryOptions = queryOptions({
  queryKey: ['categories'],
  queryFn: ({ signal }) => getCategories(signal),
  // Admins rarely change categories; a ticket naming a retired one is refused and the list reloaded.
  staleTime: 5 * 60_000,
});

export const useCategories = () => useQuery(categoriesQueryOptions);
