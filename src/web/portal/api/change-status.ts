import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PortalTicket } from '../../../contract/portal.ts';
import { api, isConflict } from '../../lib/api-client.ts';
import { portalKeys, ticketApi } from './keys.ts';

export type StatusChange = { to: 'resolved'; resolution?: string } | { to: 'open' };

const change = (ws: string, number: string, move: StatusChange) =>
  move.to === 'resolved'
    ? api<PortalTicket>(ticketApi(ws, number, '/resolve'), { method: 'POST', body: move.resolution ? { resolution: move.resolution } : {} })
    : api<PortalTicket>(ticketApi(ws, number, '/reopen'), { method: 'POST' });

/** The customer resolves or reopens their ticket; a 409 (no longer allowed) reloads it to show why. */
export function useChangeStatus(ws: string, number: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (move: StatusChange) => change(ws, number, move),
    onSuccess: (ticket) => {
      client.setQueryData(portalKeys.ticket(ws, number), ticket);
      void client.invalidateQueries({ queryKey: portalKeys.tickets(ws), predicate: (q) => q.queryKey[3] !== 'detail' });
    },
    onError: (error) => {
      if (isConflict(error)) void client.invalidateQueries({ queryKey: portalKeys.tickets(ws) });
    },
  });
}
