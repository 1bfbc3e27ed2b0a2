import { useQuery } from '@tanstack/react-query';
import type { CustomerUser } from '../../../../contract/customers.ts';
import { api } from '../../../lib/api-client.ts';

/** One customer user's record, for the Customer information panel of their own dashboard. */
export const useCustomerUser = (id: number | null) =>
  useQuery({
    queryKey: ['customer-users', id],
    queryFn: ({ signal }) => api<CustomerUser>(`/customer-users/${id}`, { signal }),
    enabled: id !== null,
  });
