import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { useTicketStats } from '../api/get-ticket-stats.ts';
import { useTickets } from '../api/get-tickets.ts';
import { readTicketFilters, statusFilterLabel, writeTicketFilters } from '../ticket-filters.ts';
import { StatusTiles } from './status-tiles.tsx';
import { TicketsTable } from './tickets-table.tsx';

/** The care dashboard's first slice: status tiles over the ticket table, filters in the URL. */
export function TicketsPage() {
  const [params] = useSearchParams();
  const filters = readTicketFilters(params);
  const { status, ...countFilters } = filters;
  const stats = useTicketStats(countFilters);
  const tickets = useTickets(filters);
  const items = tickets.data?.pages.flatMap((p) => p.items) ?? [];
  const heading = status ? `${statusFilterLabel(status)} tickets` : 'All tickets';
  const clearSearch = writeTicketFilters(params, {}).toString();

  return (
    <div className="page">
      <title>{`${heading} · Caredesk`}</title>
      <div className="page-head">
        <h1 className="page-title">Tickets</h1>
      </div>

      {stats.isError && <Alert title="The ticket counts could not be loaded">{stats.error.message}</Alert>}
      <StatusTiles stats={stats.data} active={status} />

      <section className="panel" aria-labelledby="ticket-list-heading">
        <div className="panel-head">
          <h2 id="ticket-list-heading" className="panel-title">
            {heading}
          </h2>
          {tickets.isSuccess && items.length > 0 && (
            <span className="panel-meta">
              {items.length} shown{tickets.hasNextPage ? ', more available' : ''}
            </span>
          )}
        </div>

        {tickets.isError && !tickets.data ? (
          <div className="panel-body">
            <Alert title="The tickets could not be loaded">
              {tickets.error.message}{' '}
              <button type="button" className="link-button" onClick={() => void tickets.refetch()}>
                Try again
              </button>
            </Alert>
          </div>
        ) : tickets.isSuccess && items.length === 0 ? (
          <div className="empty-state">
            {status ? (
              <>
                <h3>No {statusFilterLabel(status).toLowerCase()} tickets</h3>
                <p>Nothing matches this filter right now.</p>
                <Link to={{ search: clearSearch ? `?${clearSearch}` : '' }}>Show all tickets</Link>
              </>
            ) : (
              <>
                <h3>No tickets yet</h3>
                <p>Complaints that come in by email, the portal, phone or an integration will be listed here.</p>
              </>
            )}
          </div>
        ) : (
          <TicketsTable tickets={items} isLoading={tickets.isPending} />
        )}

        {tickets.hasNextPage && (
          <div className="panel-foot">
            <Button variant="secondary" isBusy={tickets.isFetchingNextPage} onClick={() => void tickets.fetchNextPage()}>
              Load more
            </Button>
          </div>
        )}
        {tickets.isFetchNextPageError && (
          <div className="panel-foot">
            <Alert>More tickets could not be loaded: {tickets.error?.message}</Alert>
          </div>
        )}
      </section>
    </div>
  );
}
