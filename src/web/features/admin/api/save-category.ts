import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Category, createCategoryBody, patchCategoryBody } from '../../../../contract/admin.ts';
import { api } from '../../../lib/api-client.ts';
import { categoriesQueryOptions } from './get-categories.ts';

export type CreateCategoryBody = z.input<typeof createCategoryBody>;
export type PatchCategoryBody = z.input<typeof patchCategoryBody>;

export const createCategory = (body: CreateCategoryBody): Promise<Category> => api<Category>('/categories', { method: 'POST', body });
export const patchCategory = (id: number, body: PatchCategoryBody): Promise<Category> => api<Category>(`/categories/${id}`, { method: 'PATCH', body });

/** Adds a category at the end of the list (a taken name is a 409). */
export function useCreateCategory() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createCategory, onSettled: () => client.invalidateQueries({ queryKey: categoriesQueryOptions.queryKey }) });
}

/** Renames, retires or restores a category; the create form, filters and reports read the list again. */
export function usePatchCategory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: PatchCategoryBody }) => patchCategory(id, body),
    onSettled: () => client.invalidateQueries({ queryKey: categoriesQueryOptions.queryKey }),
  });
}
