import { Link, useSearchParams } from 'react-router';
import type { TicketStats } from '../../../../contract/tickets.ts';
import { formatCount } from '../../../lib/format.ts';
import { type StatusFilter, statusTiles, writeTicketFilters } from '../ticket-filters.ts';

interface StatusTilesProps {
  stats: TicketStats | undefined;
  active: StatusFilter | undefined;
}

/** One tile per status with its count; a tile filters the table below, Total clears the filter. */
export function StatusTiles({ stats, active }: StatusTilesProps) {
  const [params] = useSearchParams();
  return (
    <nav className="tiles" aria-label="Filter by status">
      {statusTiles.map((tile) => {
        const isActive = tile.key === 'total' ? active === undefined : active === tile.key;
        const count = stats?.[tile.key];
        const search = writeTicketFilters(params, { status: tile.key === 'total' ? undefined : tile.key }).toString();
        const isAlarming = tile.key === 'overdue' && (count ?? 0) > 0;
        return (
          <Link
            key={tile.key}
            to={{ search: search ? `?${search}` : '' }}
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
