import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createSourceBody, patchSourceBody, TicketSource } from '../../../../contract/channel-intake.ts';
import { api } from '../../../lib/api-client.ts';

export type CreateSourceBody = z.input<typeof createSourceBody>;
export type PatchSourceBody = z.input<typeof patchSourceBody>;

export const createSource = (body: CreateSourceBody): Promise<TicketSource> => api<TicketSource>('/channels/sources', { method: 'POST', body });
export const patchSource = (source: Pick<TicketSource, 'channel' | 'key'>, body: PatchSourceBody): Promise<TicketSource> =>
  api<TicketSource>(`/channels/sources/${source.channel}/${encodeURIComponent(source.key)}`, { method: 'PATCH', body });

// The admin's list and the one the ticket pages and filters offer.
const sourcesKey = ['channels', 'sources'] as const;

/** Adds a source at the end of its channel's list (a key the channel has already is a 409). */
export function useCreateSource() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createSource, onSettled: () => client.invalidateQueries({ queryKey: sourcesKey }) });
}

/** Renames a source, or turns it off (retired) or on again. */
export function usePatchSource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ source, body }: { source: Pick<TicketSource, 'channel' | 'key'>; body: PatchSourceBody }) => patchSource(source, body),
    onSettled: () => client.invalidateQueries({ queryKey: sourcesKey }),
  });
}
