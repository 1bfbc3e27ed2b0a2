import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TicketStats } from '../../../../contract/tickets.ts';
import { formatCount } from '../../../lib/format.ts';
import { statusTiles, type TicketFilters, toSearch, writeTicketFilters } from '../ticket-filters.ts';

interface StatusTilesProps {
  stats: TicketStats | undefined;
  /** The dashboard's filters: a tile changes the status and keeps the rest (channel, order…). */
  filters: TicketFilters;
}

/** One tile per status with its count; a tile filters the table below, Total clears the status filter. */
export function StatusTiles({ stats, filters }: StatusTilesProps) {
  const { t } = useTranslation(['dashboard', 'common']);
  const [params] = useSearchParams();
  const active = filters.status;
  return (
    <nav className="tiles" aria-label={t('filters.byStatus')}>
      {statusTiles.map((key) => {
        const isActive = key === 'total' ? active === undefined : active === key;
        const count = stats?.[key];
        const search = toSearch(writeTicketFilters(params, { ...filters, status: key === 'total' ? undefined : key }));
        const isAlarming = key === 'overdue' && (count ?? 0) > 0;
        return (
          <Link
            key={key}
            to={{ search }}
            className={['tile', `tile-${key}`, isActive ? 'tile-active' : '', isAlarming ? 'tile-alarm' : ''].filter(Boolean).join(' ')}
            aria-current={isActive ? 'page' : undefined}
            data-status={key}
          >
            <span className="tile-label">{t(`common:status.${key}`)}</span>
            <span className="tile-count">{count === undefined ? '–' : formatCount(count)}</span>
          </Link>
        );
      })}
    </nav>
  );
}
