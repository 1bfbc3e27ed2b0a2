import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../contract/tickets.ts';
import { type DashboardColumn, dashboardColumns } from '../dashboard-columns.ts';
import { ariaSortOf, sortStateOf } from '../dashboard-sort.ts';
import type { DashboardT, SortFilter, SortKey } from '../ticket-filters.ts';
import { ticketCell } from './dashboard-ticket-cells.tsx';

interface TicketsTableProps {
  tickets: Ticket[];
  isLoading?: boolean;
  columns?: readonly DashboardColumn[];
  sort?: SortFilter;
  /** The rows come in an order no column gives (search relevance): no header is marked as sorted. */
  isUnsorted?: boolean;
  onSort: (key: SortKey) => void;
  /** Numbers of the selected tickets. */
  selection: ReadonlySet<string>;
  onToggle: (number: string) => void;
  onToggleAll: (isSelected: boolean) => void;
  /** The number of the row j/k point at. */
  highlighted: string | null;
  onHighlight: (number: string) => void;
}

/** The ticket table of the dashboard; `isLoading` draws placeholder rows in the same shape. */
export function TicketsTable({ tickets, isLoading = false, columns = dashboardColumns, sort, isUnsorted = false, onSort, selection, onToggle, onToggleAll, highlighted, onHighlight }: TicketsTableProps) {
  const { t } = useTranslation(['dashboard', 'common']);
  const selectedCount = tickets.filter((t) => selection.has(t.number)).length;
  const isAll = tickets.length > 0 && selectedCount === tickets.length;
  const current = sortStateOf(sort);
  return (
    <div className="table-scroll">
      <table className="tickets-table" aria-busy={isLoading || undefined}>
        <thead>
          <tr>
            <th scope="col" className="col-select">
              <input
                type="checkbox"
                aria-label={t('table.selectAll')}
                checked={isAll}
                ref={(el) => {
                  if (el) el.indeterminate = selectedCount > 0 && !isAll;
                }}
                disabled={isLoading || tickets.length === 0}
                onChange={(e) => onToggleAll(e.target.checked)}
              />
            </th>
            {columns.map((c) => {
              const sortKey: SortKey | undefined = 'sort' in c ? c.sort : undefined;
              const ariaSort = sortKey && !isUnsorted ? ariaSortOf(sort, sortKey) : undefined;
              return (
                <th key={c.id} scope="col" className={`col-${c.id}`} aria-sort={ariaSort}>
                  {sortKey ? (
                    <button type="button" className="th-sort" onClick={() => onSort(sortKey)}>
                      {t(`columns.${c.id}`)}
                      <span
                        className={['th-sort-mark', ariaSort ? 'th-sort-on' : ''].filter(Boolean).join(' ')}
                        data-direction={current.key === sortKey && !current.isDescending ? 'ascending' : 'descending'}
                        aria-hidden="true"
                      />
                    </button>
                  ) : (
                    t(`columns.${c.id}`)
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {isLoading ? (
            <PlaceholderRows columns={columns.length + 1} />
          ) : (
            tickets.map((ticket) => (
              <TicketRow key={ticket.id} ticket={ticket} columns={columns} isSelected={selection.has(ticket.number)} isHighlighted={highlighted === ticket.number} onToggle={onToggle} onHighlight={onHighlight} t={t} />
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

interface TicketRowProps {
  ticket: Ticket;
  columns: readonly DashboardColumn[];
  isSelected: boolean;
  isHighlighted: boolean;
  onToggle: (number: string) => void;
  onHighlight: (number: string) => void;
  t: DashboardT;
}

function TicketRow({ ticket, columns, isSelected, isHighlighted, onToggle, onHighlight, t }: TicketRowProps) {
  const row = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (isHighlighted) row.current?.scrollIntoView({ block: 'nearest' });
  }, [isHighlighted]);
  return (
    <tr
      ref={row}
      className={[isSelected ? 'row-selected' : '', isHighlighted ? 'row-highlighted' : ''].filter(Boolean).join(' ') || undefined}
      aria-current={isHighlighted || undefined}
      data-number={ticket.number}
      onClick={() => onHighlight(ticket.number)}
    >
      <td className="col-select">
        <input type="checkbox" aria-label={t('table.select', { number: ticket.number })} checked={isSelected} onChange={() => onToggle(ticket.number)} />
      </td>
      {columns.map((c) => (
        <td key={c.id} className={`col-${c.id}`}>
          {ticketCell(c.id, ticket, t)}
        </td>
      ))}
    </tr>
  );
}

function PlaceholderRows({ columns }: { columns: number }) {
  return Array.from({ length: 6 }, (_, row) => (
    <tr key={row} className="placeholder-row" aria-hidden="true">
      {Array.from({ length: columns }, (_, c) => (
        <td key={c}>
          <span className="placeholder-bar" />
        </td>
      ))}
    </tr>
  ));
}
