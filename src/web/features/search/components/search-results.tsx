import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { DashboardBulkBar } from '../../tickets/components/dashboard-bulk-bar.tsx';
import { DashboardBulkResult } from '../../tickets/components/dashboard-bulk-result.tsx';
import { noSelection, useTicketSelection } from '../../tickets/components/use-ticket-selection.ts';
import { TicketsTableFoot } from '../../tickets/components/tickets-table-foot.tsx';
import { TicketsTable } from '../../tickets/components/tickets-table.tsx';
import type { SortKey } from '../../tickets/ticket-filters.ts';
import type { TicketSearch, useSearchTickets } from '../api/search-tickets.ts';
import type { SearchForm } from '../search-form.ts';
import { SearchCriteria } from './search-criteria.tsx';


interface SearchResultsProps {
  /** The search sent, or null when the criteria are empty or refused. */
  search: TicketSearch | null;
  isEmpty: boolean;
  criteria: SearchForm;
  results: ReturnType<typeof useSearchTickets>;
  /** The server refused a field: its message stands at the field, not here. */
  hasServerErrors: boolean;
  onSort: (key: SortKey) => void;
}

/** The tickets found, in the dashboard's table with its selection, bulk changes and keys. */
export function SearchResults({ search, isEmpty, criteria, results, hasServerErrors, onSort }: SearchResultsProps) {
  const { t } = useTranslation('search');
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  // Selection and highlight belong to one search: another one starts both afresh.
  const { selection, setSelection, toggle, highlighted, highlight, highlightedTicket, selected, bulk, runBulk, outcome, setOutcome } = useTicketSelection(items, JSON.stringify(search));

  if (isEmpty) {
    return (
      <section className="panel empty-state search-hint" aria-labelledby="search-hint-title">
        <h2 id="search-hint-title">{t('hint.title')}</h2>
        <p>{t('hint.text')}</p>
      </section>
    );
  }
  if (!search || (results.isError && !results.data && hasServerErrors)) return null;

  const shown = t('results.shown', { count: items.length });
  // Without an order of its own, the server ranks words by relevance.
  const isByRelevance = Boolean(search.query.q) && !search.sort;
  return (
    <section
      className="panel dash-panel search-results"
      data-order={isByRelevance ? 'relevance' : undefined}
      aria-labelledby="search-results-title"
      aria-busy={results.isFetching || undefined}
    >
      <div className="panel-head dash-panel-head">
        <h2 id="search-results-title" className="panel-title">
          {t('results.title')}
        </h2>
        {results.isSuccess && items.length > 0 && (
          <span className="panel-meta" role="status">
            {results.hasNextPage ? t('results.more', { shown }) : shown}
            {isByRelevance ? ` · ${t('results.relevance')}` : ''}
          </span>
        )}
      </div>

      {outcome && <DashboardBulkResult outcome={outcome} onDismiss={() => setOutcome(null)} />}
      {bulk.isError && <Alert>{bulk.error.message}</Alert>}
      {selected.length > 0 && <DashboardBulkBar selected={selected} isBusy={bulk.isPending} onChange={runBulk} onClear={() => setSelection(noSelection)} />}

      {results.isError && !results.data ? (
        <div className="panel-body">
          <RetryAlert title={t('results.failed')} error={results.error} onRetry={() => void results.refetch()} />
        </div>
      ) : results.isSuccess && items.length === 0 ? (
        <div className="empty-state" role="status">
          <h3>{t('empty.title')}</h3>
          <SearchCriteria criteria={criteria} />
          <p>{t('empty.text')}</p>
        </div>
      ) : (
        <TicketsTable
          tickets={items}
          isLoading={results.isPending}
          sort={search.sort}
          isUnsorted={isByRelevance}
          onSort={onSort}
          selection={selection}
          onToggle={toggle}
          onToggleAll={(isSelected) => setSelection(isSelected ? new Set(items.map((ticket) => ticket.number)) : noSelection)}
          highlighted={highlighted}
          onHighlight={highlight}
        />
      )}

      <TicketsTableFoot
        count={items.length}
        highlighted={highlightedTicket}
        isHighlightedSelected={highlightedTicket ? selection.has(highlightedTicket.number) : false}
        hasNextPage={results.hasNextPage}
        isFetchingNextPage={results.isFetchingNextPage}
        onLoadMore={() => void results.fetchNextPage()}
        loadMoreError={results.isFetchNextPageError ? (results.error?.message ?? '') : null}
      />
    </section>
  );
}
