import type { QueryClient } from '@tanstack/react-query';
import { createQueryClient } from '../../lib/query-client.ts';

/**
 * The portal's query client. A 401 anywhere means the portal session ended (expired, or logged
 * out in another tab): the customer is marked signed out, which the route guard turns into the
 * request-link page.
 */
export const createPortalQueryClient = (): QueryClient => createQueryClient(markCustomerSignedOut);

function markCustomerSignedOut(client: QueryClient): void {
  for (const [key, me] of client.getQueriesData({ queryKey: ['portal'] })) {
    if (key[2] === 'me' && me !== null && me !== undefined) client.setQueryData(key, null);
  }
}
