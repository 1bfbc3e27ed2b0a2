import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CustomerUser } from '../../../../contract/customers.ts';
import { api } from '../../../lib/api-client.ts';

export interface CustomerUserPage {
  items: CustomerUser[];
  next_cursor: string | null;
}

/** Enough to recognise the caller; more means the agent should type more. */
export const customerUserSearchSize = 8;

/**
 * The server's search rule (DESIGN.md §3): at least two characters besides `*`, or `**` for all.
 * Shorter terms are not sent, since the server refuses them with a 400.
 */
export function isSearchableTerm(term: string): boolean {
  const t = term.trim();
  return t === '**' || t.replace(/\*/g, '').length >= 2;
}

/** Customer users whose name, email or phone matches; `*` is a wildcard. */
export const searchCustomerUsers = (search: string, signal?: AbortSignal): Promise<CustomerUserPage> =>
  api<CustomerUserPage>('/customer-users', { query: { search: search.trim(), limit: customerUserSearchSize }, signal });

export const customerUserSearchQueryOptions = (search: string) =>
  queryOptions({
    queryKey: ['customer-users', 'search', search.trim()],
    queryFn: ({ signal }) => searchCustomerUsers(search, signal),
    enabled: isSearchableTerm(search),
    staleTime: 30_000,
    // The previous matches stay on screen while the next keystroke's answer is on its way.
    placeholderData: keepPreviousData,
  });

export const useCustomerUserSearch = (search: string) => useQuery(customerUserSearchQueryOptions(search));
