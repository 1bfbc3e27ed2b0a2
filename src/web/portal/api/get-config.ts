import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PortalConfig } from '../../../contract/portal.ts';
import { api } from '../../lib/api-client.ts';
import { portalApi, portalKeys } from './keys.ts';

export const configQueryOptions = (ws: string) =>
  queryOptions({
    queryKey: portalKeys.config(ws),
    queryFn: ({ signal }) => api<PortalConfig>(portalApi(ws, '/config'), { signal }),
    staleTime: 10 * 60_000,
  });

/** The workspace's name, default language, categories and attachment limits; needs no session. */
export const usePortalConfigQuery = (ws: string) => useQuery(configQueryOptions(ws));
