import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createCustomerBody, Customer, patchCustomerBody } from '../../../../contract/customers.ts';
import { api } from '../../../lib/api-client.ts';

type Save = { id: null; body: z.input<typeof createCustomerBody> } | { id: number; body: z.input<typeof patchCustomerBody> };

/** Adds a customer (id null) or changes one; its dashboard and the searches refresh. */
export function useSaveCustomer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: Save) => (id === null ? api<Customer>('/customers', { method: 'POST', body }) : api<Customer>(`/customers/${id}`, { method: 'PATCH', body })),
    onSuccess: async (saved) => {
      client.setQueryData(['customers', saved.id], saved);
      await Promise.all([client.invalidateQueries({ queryKey: ['cic'] }), client.invalidateQueries({ queryKey: ['customers'] })]);
    },
  });
}
