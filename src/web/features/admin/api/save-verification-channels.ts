import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Channel } from '../../../../contract/channels.ts';
import type { Settings } from '../../../../contract/workspaces.ts';
import { api } from '../../../lib/api-client.ts';
import { settingsQueryKey } from './get-settings.ts';

/** The settings that are a list of channels: which wait for verification, which take new tickets. */
export type ChannelSetting = 'verification_channels' | 'channels_enabled';

export const saveChannelSetting = (setting: ChannelSetting, channels: Channel[]): Promise<Settings> =>
  api<Settings>('/settings', { method: 'PATCH', body: { [setting]: channels } });

/** Saves one of the workspace's channel lists. */
export function useSaveChannelSetting(setting: ChannelSetting) {
  const client = useQueryClient();
  return useMutation({ mutationFn: (channels: Channel[]) => saveChannelSetting(setting, channels), onSuccess: (saved) => client.setQueryData(settingsQueryKey, saved) });
}
