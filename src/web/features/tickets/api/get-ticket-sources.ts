import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TicketSource } from '../../../../contract/channel-intake.ts';
import { api } from '../../../lib/api-client.ts';
import { channelOptionLabel, channelOptionsWith, channelOptions, defaultMarketplaceSources, type ChannelOption } from '../ticket-filters.ts';

/** The workspace's sources of marketplace and review tickets (Website, eBay…; Google…), in their order. */
export const getTicketSources = (signal?: AbortSignal): Promise<{ items: TicketSource[] }> => api<{ items: TicketSource[] }>('/channels/sources', { signal });

/** Admins change the list seldom: it is read once in a while, not on every page. */
export const useTicketSources = () => useQuery({ queryKey: ['channels', 'sources'], queryFn: ({ signal }) => getTicketSources(signal), staleTime: 5 * 60_000 });

/**
 * The channel bar with the workspace's marketplace sources. A source named like a channel of the
 * bar (the shop's own "Website" beside the web channel's) says which one it is.
 */
export function useChannelOptions(): readonly ChannelOption[] {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const sources = useTicketSources();
  if (!sources.data) return channelOptions;
  // Compared with the bar's words in English too: the seeded "Website" source reads the same in every language.
  const english = i18n.getFixedT('en', ['dashboard', 'common']) as unknown as typeof t;
  const taken = new Set(channelOptionsWith([]).flatMap((o) => [channelOptionLabel(o, t), channelOptionLabel(o, english)].map((l) => l.toLowerCase())));
  const marketplace = sources.data.items
    .filter((s) => s.channel === 'marketplace')
    .map((s) => ({ key: s.key, label: taken.has(s.label.toLowerCase()) ? `${s.label} (${t('common:channel.marketplace')})` : s.label }));
  return channelOptionsWith(marketplace.length ? marketplace : defaultMarketplaceSources);
}
