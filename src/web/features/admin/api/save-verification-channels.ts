import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Channel } from '../../../../contract/channels.ts';
import type { Settings } from '../../../../contract/workspaces.ts';
import { api } from '../../../lib/api-client.ts';
import { settingsQueryKey } from './get-settings.ts';

export const saveVerificationChannels = (channels: Channel[]): Promise<Settings> => api<Settings>('/settings', { method: 'PATCH', body: { verification_channels: channels } });

/** Sets the channels whose new tickets wait for verification (none: no ticket does). */
export function useSaveVerificationChannels() {
  const client = useQueryClient();
  return useMutation({ mutationFn: saveVerificationChannels, onSuccess: (saved) => client.setQueryData(settingsQueryKey, saved) });
}
