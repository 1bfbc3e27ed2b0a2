import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CustomerUser } from '../../../../contract/customers.ts';
import { api } from '../../../lib/api-client.ts';

/**
 * Merges a customer user into another (the same person): their tickets move and they are deleted.
 * `onMerged` runs before anything refreshes, so the screen can leave the merged user's dashboard
 * before it is asked for again (and found gone).
 */
export function useMergeCustomerUser(onMerged: (kept: CustomerUser) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, into }: { id: number; into: number }) => api<CustomerUser>(`/customer-users/${id}/merge`, { method: 'POST', body: { into } }),
    onSuccess: async (kept, { id }) => {
      onMerged(kept);
      client.removeQueries({ queryKey: ['customer-users', id] });
      client.removeQueries({ queryKey: ['cic', 'dashboard', 'customer_user', id] });
      await Promise.all(['cic', 'customer-users', 'tickets'].map((key) => client.invalidateQueries({ queryKey: [key] })));
    },
  });
}
