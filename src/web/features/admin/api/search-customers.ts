import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { Customer } from '../../../../contract/customers.ts';
import { api } from '../../../lib/api-client.ts';

interface CustomerPage {
  items: Customer[];
  next_cursor: string | null;
}

/** At least two characters besides `*`, or `**` for all: what the customer search answers. */
export const isCustomerSearch = (term: string): boolean => term.trim() === '**' || term.replace(/\*/g, '').trim().length >= 2;

/** The first customers (companies) whose name or code matches; `*` is a wildcard. */
export const searchCustomers = (term: string, signal?: AbortSignal): Promise<CustomerPage> =>
  api<CustomerPage>('/customers', { query: { search: term.trim(), limit: 10 }, signal });

export const useCustomerSearch = (term: string) =>
  useQuery({
    queryKey: ['customers', 'search', term.trim()],
    queryFn: ({ signal }) => searchCustomers(term, signal),
    enabled: isCustomerSearch(term),
    staleTime: 30_000,
    // The previous matches stay on screen while the next keystroke's answer is on its way.
    placeholderData: keepPreviousData,
  });

export const customerQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['customers', id], queryFn: ({ signal }) => api<Customer>(`/customers/${id}`, { signal }), staleTime: 5 * 60_000 });

/** The customers a rule names, for their names. */
export const useCustomers = (ids: readonly number[]) => useQueries({ queries: ids.map((id) => customerQueryOptions(id)) });
