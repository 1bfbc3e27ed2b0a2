import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PatchSettingsBody, Settings } from '../../../../contract/workspaces.ts';
import { api } from '../../../lib/api-client.ts';
import { sessionQueryKey } from '../../../lib/query-client.ts';
import { settingsQueryKey } from './get-settings.ts';

export const saveSettings = (body: PatchSettingsBody): Promise<Settings> => api<Settings>('/settings', { method: 'PATCH', body });

/** Changes the workspace settings; the header reads the name and default language from the session, so that is read again too. */
export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveSettings,
    onSuccess: (saved) => client.setQueryData(settingsQueryKey, saved),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: settingsQueryKey }), client.invalidateQueries({ queryKey: sessionQueryKey })]),
  });
}
