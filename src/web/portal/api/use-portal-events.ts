import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { portalKeys } from './keys.ts';

/**
 * Keeps the customer's ticket views current from the portal's event stream: each `ticket` or
 * `resync` event reads the tickets again. The browser reconnects by itself after a break, and
 * whatever changed meanwhile is then read again too.
 */
export function usePortalEvents(ws: string, isSignedIn: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!isSignedIn) return;
    const source = new EventSource(`/api/v1/portal/${encodeURIComponent(ws)}/events`);
    let broken = false;
    const refresh = () => void client.invalidateQueries({ queryKey: portalKeys.tickets(ws) });
    source.addEventListener('ticket', refresh);
    source.addEventListener('resync', refresh);
    source.addEventListener('error', () => {
      broken = true;
    });
    source.addEventListener('open', () => {
      if (broken) refresh();
      broken = false;
    });
    return () => source.close();
  }, [client, ws, isSignedIn]);
}
