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
  const [params] = useSearchParams();
  const active = filters.status;
  return (
    <nav className="tiles" aria-label="Filter by status">
      {statusTiles.map((tile) => {
        const isActive = tile.key === 'total' ? active === undefined : active === tile.key;
        const count = stats?.[tile.key];
        const search = toSearch(writeTicketFilters(params, { ...filters, status: tile.key === 'total' ? undefined : tile.key }));
        const isAlarming = tile.key === 'overdue' && (count ?? 0) > 0;
        return (
          <Link
            key={tile.key}
            to={{ search }}
            className={['tile', `tile-${tile.key}`, isActive ? 'tile-active' : '', isAlarming ? 'tile-alarm' : ''].filter(Boolean).join(' ')}
            aria-current={isActive ? 'page' : undefined}
            data-status={tile.key}
          >
            <span className="tile-label">{tile.label}</span>
            <span className="tile-count">{count === undefined ? '–' : formatCount(count)}</span>
          </Link>
        );
      })}
    </nav>
  );
}
