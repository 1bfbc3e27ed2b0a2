import { useTranslation } from 'react-i18next';
import type { Channel } from '../../tickets/ticket-filters.ts';
import { type SearchIssue, searchChannels } from '../search-form.ts';

/** A refused value's message in the agent's language. */
export function useIssueText(): (issue: SearchIssue | undefined) => string | undefined {
  const { t } = useTranslation('search');
  return (issue) => {
    if (!issue) return undefined;
    switch (issue.kind) {
      case 'min':
        return t('error.min', { count: issue.count });
      case 'max':
        return t('error.max', { count: issue.count });
      case 'server':
        return t('error.server', { message: issue.message });
      default:
        return t(`error.${issue.kind}`);
    }
  };
}

/** A channel with its marketplace, as the dashboard's channel bar names it: "eBay", "Website". */
export function useChannelName(): (channel: Channel | '', source: string) => string {
  const { t } = useTranslation();
  return (channel, source) => {
    const known = searchChannels.find((c) => c.channel === channel && (c.source ?? '') === source);
    if (known?.name) return known.name;
    const name = channel ? t(`channel.${channel}`) : '';
    return known || !source ? name : [name, source].filter(Boolean).join(' · ');
  };
}
