import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PortalMe } from '../../../contract/portal.ts';
import { api, isUnauthorized } from '../../lib/api-client.ts';
import { portalApi, portalKeys } from './keys.ts';

/** The signed-in customer user; `null` when this browser has no portal session for the workspace. */
export async function getMe(ws: string, signal?: AbortSignal): Promise<PortalMe | null> {
  try {
    return await api<PortalMe>(portalApi(ws, '/me'), { signal });
  } catch (error) {
    if (isUnauthorized(error)) return null;
    throw error;
  }
}

export const meQueryOptions = (ws: string) =>
  queryOptions({ queryKey: portalKeys.me(ws), queryFn: ({ signal }) => getMe(ws, signal), staleTime: 5 * 60_000 });

export const useMeQuery = (ws: string) => useQuery(meQueryOptions(ws));
