import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { currentLocale } from '../../../i18n/i18n.ts';
import { useTicketStats } from '../api/get-ticket-stats.ts';
import { useChannelOptions } from '../api/get-ticket-sources.ts';
import { useTickets } from '../api/get-tickets.ts';
import { visibleColumns } from '../dashboard-columns.ts';
import { nextSort } from '../dashboard-sort.ts';
import { channelFilterLabel, countFiltersOf, filterChips, readTicketFilters, statusFilterLabel, toSearch, writeTicketFilters } from '../ticket-filters.ts';
import './dashboard.css';
import { DashboardBulkBar } from './dashboard-bulk-bar.tsx';
import { DashboardBulkResult } from './dashboard-bulk-result.tsx';
import { DashboardChannelBar } from './dashboard-channel-bar.tsx';
import { DashboardColumnsMenu, useHiddenColumns } from './dashboard-columns-menu.tsx';
import { DashboardFilterChips } from './dashboard-filter-chips.tsx';
import { noSelection, useTicketSelection } from './use-ticket-selection.ts';
import { StatusTiles } from './status-tiles.tsx';
import { TicketsTableFoot } from './tickets-table-foot.tsx';
import { TicketsTable } from './tickets-table.tsx';
import { ToVerifyBar } from './to-verify-bar.tsx';


/** The care dashboard (DESIGN.md §3): status tiles, channel bar, the ticket table; every filter in the URL. */
export function TicketsPage() {
  const { t } = useTranslation(['dashboard', 'common']);
  const [params, setParams] = useSearchParams();
  const filters = readTicketFilters(params);
  const { status } = filters;
  const stats = useTicketStats(countFiltersOf(filters));
  const tickets = useTickets(filters);
  const items = tickets.data?.pages.flatMap((p) => p.items) ?? [];
  const [hidden, setColumnShown] = useHiddenColumns();
  // Selection and highlight belong to one view: another filter or order starts both afresh.
  const { selection, setSelection, toggle, highlighted, highlight, highlightedTicket, selected, bulk, runBulk, outcome, setOutcome } = useTicketSelection(items, JSON.stringify(filters));

  const heading = filters.verification ? t('toVerify.label') : status ? t('heading.status', { status: statusFilterLabel(status, t) }) : t('heading.all');
  const options = useChannelOptions();
  const channel = channelFilterLabel(filters, t, options);
  const hasOtherFilters = filterChips({ ...filters, status: undefined }, t, options).length > 0;
  const clearSearch = toSearch(writeTicketFilters(params, { sort: filters.sort }));

  return (
    <div className="page">
      <title>{t('common:app.titleSuffix', { title: channel ? `${heading} · ${channel}` : heading })}</title>
      <div className="page-head">
        <h1 className="page-title">{t('common:app.tickets')}</h1>
      </div>

      {stats.isError && <Alert title={t('statsFailed')}>{stats.error.message}</Alert>}
      <StatusTiles stats={stats.data} filters={filters} />
      <ToVerifyBar filters={filters} />
      <DashboardChannelBar filters={filters} />

      <section className="panel dash-panel" aria-labelledby="ticket-list-heading">
        <div className="panel-head dash-panel-head">
          <div className="dash-panel-title">
            <h2 id="ticket-list-heading" className="panel-title">
              {heading}
            </h2>
            <DashboardFilterChips filters={filters} />
          </div>
          <div className="dash-panel-tools">
            {tickets.isSuccess && items.length > 0 && (
              <span className="panel-meta">
                {t(tickets.hasNextPage ? 'shownMore' : 'shown', { count: items.length })}
              </span>
            )}
            <DashboardColumnsMenu hidden={hidden} onChange={setColumnShown} />
          </div>
        </div>

        {outcome && <DashboardBulkResult outcome={outcome} onDismiss={() => setOutcome(null)} />}
        {bulk.isError && <Alert title={t('bulk.stopped')}>{bulk.error.message}</Alert>}
        {selected.length > 0 && <DashboardBulkBar selected={selected} isBusy={bulk.isPending} onChange={runBulk} onClear={() => setSelection(noSelection)} />}

        {tickets.isError && !tickets.data ? (
          <div className="panel-body">
            <Alert title={t('ticketsFailed')}>
              {tickets.error.message}{' '}
              <button type="button" className="link-button" onClick={() => void tickets.refetch()}>
                {t('common:action.tryAgain')}
              </button>
            </Alert>
          </div>
        ) : tickets.isSuccess && items.length === 0 ? (
          <div className="empty-state">
            {status && !hasOtherFilters ? (
              <>
                <h3>{t('empty.statusTitle', { status: statusFilterLabel(status, t).toLocaleLowerCase(currentLocale()) })}</h3>
                <p>{t('empty.statusText')}</p>
                <Link to={{ search: clearSearch }}>{t('empty.showAll')}</Link>
              </>
            ) : status || hasOtherFilters ? (
              <>
                <h3>{t('empty.filteredTitle')}</h3>
                <p>{t('empty.filteredText')}</p>
                <Link to={{ search: clearSearch }}>{t('empty.showAll')}</Link>
              </>
            ) : (
              <>
                <h3>{t('empty.noneTitle')}</h3>
                <p>{t('empty.noneText')}</p>
              </>
            )}
          </div>
        ) : (
          <TicketsTable
            tickets={items}
            isLoading={tickets.isPending}
            columns={visibleColumns(hidden)}
            sort={filters.sort}
            onSort={(key) => setParams(writeTicketFilters(params, { ...filters, sort: nextSort(filters.sort, key) }))}
            selection={selection}
            onToggle={toggle}
            onToggleAll={(isSelected) => setSelection(isSelected ? new Set(items.map((t) => t.number)) : noSelection)}
            highlighted={highlighted}
            onHighlight={highlight}
          />
        )}

        <TicketsTableFoot
          count={items.length}
          highlighted={highlightedTicket}
          isHighlightedSelected={highlightedTicket ? selection.has(highlightedTicket.number) : false}
          hasNextPage={tickets.hasNextPage}
          isFetchingNextPage={tickets.isFetchingNextPage}
          onLoadMore={() => void tickets.fetchNextPage()}
          loadMoreError={tickets.isFetchNextPageError ? (tickets.error?.message ?? '') : null}
        />
      </section>
    </div>
  );
}
