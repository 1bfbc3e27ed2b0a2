import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnauthorized } from '../../lib/api-client.ts';

/**
 * The portal's query client. A 401 anywhere means the portal session ended (expired, or logged
 * out in another tab): the customer is marked signed out, which the route guard turns into the
 * request-link page.
 */
export function createPortalQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onError(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => onError(client, error) }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A 4xx will not change by asking again; network failures and 5xx might.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: true,
      },
    },
  });
  return client;
}

function onError(client: QueryClient, error: unknown): void {
  if (!isUnauthorized(error)) return;
  for (const [key, me] of client.getQueriesData({ queryKey: ['portal'] })) {
    if (key[2] === 'me' && me !== null && me !== undefined) client.setQueryData(key, null);
  }
}
