import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAgents } from '../../admin/api/get-agents.ts';
import { useTicketFields } from '../../admin/api/get-ticket-fields.ts';
import { useChannelOptions } from '../api/get-ticket-sources.ts';
import { describeFieldFilter } from '../ticket-field-filters.ts';
import { filterChips, type TicketFilters, toSearch, writeTicketFilters } from '../ticket-filters.ts';

/** The active filters, each a chip that removes it; with several, one link clears them all (the order stays). */
export function DashboardFilterChips({ filters }: { filters: TicketFilters }) {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const [params] = useSearchParams();
  const definitions = useTicketFields().data?.items ?? [];
  const words = { yes: t('customFields.yes'), no: t('customFields.no'), retired: (label: string) => t('customFields.retired', { label }) };
  const agents = useAgents().data?.items ?? [];
  const chips = filterChips(
    filters,
    t,
    useChannelOptions(),
    (filter) => describeFieldFilter(definitions, filter, i18n.language, words),
    (id) => agents.find((a) => a.id === id)?.name,
  );
  if (chips.length === 0) return null;
  return (
    <ul className="dash-chips" aria-label={t('filters.active')}>
      {chips.map((chip) => (
        <li key={chip.label}>
          <Link className="dash-chip" to={{ search: toSearch(writeTicketFilters(params, chip.without)) }} aria-label={t('filters.remove', { label: chip.label })}>
            {chip.label}
            <span className="dash-chip-x" aria-hidden="true">
              ×
            </span>
          </Link>
        </li>
      ))}
      {chips.length > 1 && (
        <li>
          <Link className="dash-chips-clear" to={{ search: toSearch(writeTicketFilters(params, { sort: filters.sort })) }}>
            {t('filters.clear')}
          </Link>
        </li>
      )}
    </ul>
  );
}
