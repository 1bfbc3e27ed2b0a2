import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '../../../../contract/auth.ts';
import { api, isUnauthorized } from '../../../lib/api-client.ts';
import { sessionQueryKey } from '../../../lib/query-client.ts';

export type Session = Me;

/** The signed-in agent, their workspace and departments; `null` when nobody is signed in. */
export async function getSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await api<Session>('/auth/me', { signal });
  } catch (error) {
    if (isUnauthorized(error)) return null;
    throw error;
  }
}

export const sessionQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: ({ signal }) => getSession(signal),
  staleTime: 5 * 60_000,
});

export const useSessionQuery = () => useQuery(sessionQueryOptions);

/** The session inside the signed-in part of the app, where the route guard has made sure there is one. */
export function useSession(): Session {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useSession is used outside the signed-in routes');
  return data;
}
