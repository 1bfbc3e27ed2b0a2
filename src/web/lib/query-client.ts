import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnauthorized } from './api-client.ts';

/** The key of the signed-in agent's session; `null` data means signed out. */
export const sessionQueryKey = ['auth', 'me'] as const;
/** The key of the installation's setup status, which outlives any session. */
export const setupStatusQueryKey = ['setup'] as const;

/**
 * One client for an app (the agent app, the portal). Any 401 means the session ended: `signedOut`
 * marks it so, and the route guard turns that into the way back in.
 */
export function createQueryClient(signedOut: (client: QueryClient) => void = markAgentSignedOut): QueryClient {
  const onError = (error: unknown) => {
    if (isUnauthorized(error)) signedOut(client);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
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

function markAgentSignedOut(client: QueryClient): void {
  if (client.getQueryData(sessionQueryKey) !== null) client.setQueryData(sessionQueryKey, null);
}
