import { useQuery } from '@tanstack/react-query';
import type { PortalTicket } from '../../../contract/portal.ts';
import { api } from '../../lib/api-client.ts';
import { portalKeys, ticketApi } from './keys.ts';

/** One of the customer's tickets; anyone else's is a 404. */
export const useTicket = (ws: string, number: string) =>
  useQuery({ queryKey: portalKeys.ticket(ws, number), queryFn: ({ signal }) => api<PortalTicket>(ticketApi(ws, number), { signal }) });
