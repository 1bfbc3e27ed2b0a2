import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export const signOut = (): Promise<void> => api('/auth/logout', { method: 'POST' });

/**
 * Ends the session, then loads the sign-in page afresh: a full page load is the one sure way
 * that nothing of the signed-out agent's data stays in memory, on a shared computer too.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => window.location.assign('/sign-in'),
  });
}
