import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createCustomerUserBody, CustomerUser, patchCustomerUserBody } from '../../../../contract/customers.ts';
import { api } from '../../../lib/api-client.ts';

type Save = { id: null; body: z.input<typeof createCustomerUserBody> } | { id: number; body: z.input<typeof patchCustomerUserBody> };

/** Adds a customer user (id null) or changes one; dashboards and searches that list them refresh. */
export function useSaveCustomerUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: Save) =>
      id === null ? api<CustomerUser>('/customer-users', { method: 'POST', body }) : api<CustomerUser>(`/customer-users/${id}`, { method: 'PATCH', body }),
    onSuccess: async (saved) => {
      client.setQueryData(['customer-users', saved.id], saved);
      await Promise.all([client.invalidateQueries({ queryKey: ['cic'] }), client.invalidateQueries({ queryKey: ['customer-users'] })]);
    },
  });
}
