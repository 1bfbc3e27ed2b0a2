import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { setupBody } from '../../../../contract/workspaces.ts';
import { api } from '../../../lib/api-client.ts';
import { sessionQueryKey, setupStatusQueryKey } from '../../../lib/query-client.ts';
import type { SetupStatus } from './get-setup-status.ts';

export type SetupBody = z.input<typeof setupBody>;

/** Creates the first workspace and its admin; the server signs the admin in with a session cookie. */
export const runSetup = (body: SetupBody): Promise<unknown> => api('/setup', { method: 'POST', body });

export function useRunSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runSetup,
    onSuccess: () => {
      queryClient.setQueryData<SetupStatus>(setupStatusQueryKey, { needed: false });
      // The guarded pages load the new session afresh.
      queryClient.removeQueries({ queryKey: sessionQueryKey });
    },
  });
}
