import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CicDashboard } from '../../../../contract/cic.ts';
import type { Customer } from '../../../../contract/customers.ts';
import { api } from '../../../lib/api-client.ts';

export type CicSubjectKind = 'customer' | 'customer_user';

/** The API path of whose dashboard it is. */
export const subjectPath = (kind: CicSubjectKind, id: number): string => (kind === 'customer' ? `/customers/${id}` : `/customer-users/${id}`);

export const dashboardQueryOptions = (kind: CicSubjectKind, id: number) =>
  queryOptions({
    queryKey: ['cic', 'dashboard', kind, id],
    queryFn: ({ signal }) => api<CicDashboard>(`${subjectPath(kind, id)}/dashboard`, { signal }),
  });

/** The dashboard's frame: subject, Company status counts and the Customer users rows. */
export const useDashboard = (kind: CicSubjectKind, id: number) => useQuery(dashboardQueryOptions(kind, id));

/** The customer's own record (address, notes, attributes) for the Customer information panel. */
export const useCustomer = (id: number | null) =>
  useQuery({
    queryKey: ['customers', id],
    queryFn: ({ signal }) => api<Customer>(`/customers/${id}`, { signal }),
    enabled: id !== null,
  });
