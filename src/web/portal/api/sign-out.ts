import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { forgetPortalDrafts } from '../lib/portal-drafts.ts';
import { portalApi } from './keys.ts';

/**
 * Ends the portal session, forgets unsent notes, then loads the request-link page afresh: on a
 * shared computer nothing of the customer's tickets stays in memory or in the browser.
 */
export const useSignOut = (ws: string) =>
  useMutation({
    mutationFn: () => api<void>(portalApi(ws, '/sign-out'), { method: 'POST' }),
    onSuccess: () => {
      forgetPortalDrafts(ws);
      window.location.assign(`/portal/${encodeURIComponent(ws)}`);
    },
  });
