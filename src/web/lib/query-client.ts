import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnauthorized } from './api-client.ts';

/** The key of the signed-in agent's session; `null` data means signed out. */
export const sessionQueryKey = ['auth', 'me'] as const;
/** The key of the installation's setup status, which outlives any session. */
export const setupStatusQueryKey = ['setup'] as const;

/**
 * One client for the app. Any 401 marks the session as signed out, which the route guard
 * turns into a trip to the sign-in page.
 */
export function createQueryClient(): QueryClient {
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
  if (isUnauthorized(error) && client.getQueryData(sessionQueryKey) !== null) {
    client.setQueryData(sessionQueryKey, null);
  }
}
