import { useTranslation } from 'react-i18next';
import { channels } from '../../../../contract/channels.ts';
import { actorKinds } from '../../../../contract/reports.ts';
import { priorities } from '../../../../contract/tickets.ts';
import { useAgents } from '../../admin/api/get-agents.ts';
import { useCategories } from '../../admin/api/get-categories.ts';
import { useDepartments } from '../../admin/api/get-departments.ts';
import { useTicketSources } from '../../tickets/api/get-ticket-sources.ts';
import { activityEventTypes, type TicketFilterKey } from '../report-filters.ts';
import type { FilterOption } from './filter-menu.tsx';

export interface FilterChoices {
  options: FilterOption[];
  isLoading: boolean;
  loadFailed: boolean;
}

const fixed = (options: FilterOption[]): FilterChoices => ({ options, isLoading: false, loadFailed: false });
const loaded = <T>(query: { data?: { items: T[] }; isPending: boolean; isError: boolean }, option: (item: T) => FilterOption): FilterChoices => ({
  options: (query.data?.items ?? []).map(option),
  isLoading: query.isPending,
  loadFailed: query.isError,
});

/** The choices of each ticket filter, from the lists the rest of the app reads (departments, categories, agents, sources). */
export function useTicketFilterOptions(): Record<TicketFilterKey, FilterChoices> {
  const { t } = useTranslation(['reports', 'common']);
  const departments = useDepartments();
  const categories = useCategories();
  const agents = useAgents();
  const sources = useTicketSources();
  const agentOption = (a: { id: number; name: string; is_active: boolean }) => ({ value: String(a.id), label: a.is_active ? a.name : t('filters.inactive', { name: a.name }) });
  // One key may be a source of two channels (a shop's own "website"); the filter takes the key.
  const sourceItems = (sources.data?.items ?? []).filter((s, i, all) => all.findIndex((o) => o.key === s.key) === i);
  return {
    department: loaded(departments, (d) => ({ value: String(d.id), label: d.name })),
    channel: fixed(channels.map((c) => ({ value: c, label: t(`common:channel.${c === 'review' ? 'reviews' : c}`) }))),
    source: {
      options: sourceItems.map((s) => ({ value: s.key, label: s.retired ? t('filters.retired', { name: s.label }) : s.label })),
      isLoading: sources.isPending,
      loadFailed: sources.isError,
    },
    category: loaded(categories, (c) => ({ value: String(c.id), label: c.retired ? t('filters.retired', { name: c.name }) : c.name })),
    agent: loaded(agents, agentOption),
    priority: fixed(priorities.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))),
  };
}

/** The choices of the activity's own filters: who acted, which agent, which events. */
export function useActivityFilterOptions(): Record<'actor' | 'actor_agent' | 'type', FilterChoices> {
  const { t } = useTranslation(['reports', 'common', 'ticket']);
  const agents = useAgents();
  return {
    actor: fixed(actorKinds.map((k) => ({ value: k, label: t(`common:actor.${k}`) }))),
    actor_agent: loaded(agents, (a) => ({ value: String(a.id), label: a.is_active ? a.name : t('filters.inactive', { name: a.name }) })),
    type: fixed(activityEventTypes.map((type) => ({ value: type, label: t(`ticket:history.event.${type}`) }))),
  };
}
