import { useTranslation } from 'react-i18next';
import type { PortalEvent } from '../../../contract/portal.ts';
import { Button } from '../../components/ui/button.tsx';
import { RetryAlert } from '../../components/ui/retry-alert.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useHistory } from '../api/get-history.ts';
import { usePortal } from '../app/portal-context.ts';

/** What happened to the ticket, oldest first: what, with its reason or resolution, who and when. */
export function TicketHistory({ number }: { number: string }) {
  const { t } = useTranslation('portal');
  const { ws } = usePortal();
  const history = useHistory(ws, number);
  const events = history.data?.pages.flatMap((p) => p.items) ?? [];
  if (history.isPending) {
    return (
      <p className="muted" aria-busy="true">
        <Spinner size="sm" /> {t('history.loading')}
      </p>
    );
  }
  if (history.isError) return <RetryAlert title={t('history.failed')} error={history.error} onRetry={() => void history.refetch()} />;
  if (events.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <>
      <ol className="portal-timeline" aria-label={t('history.label')}>
        {events.map((e) => (
          <HistoryItem key={e.id} event={e} />
        ))}
      </ol>
      {history.hasNextPage && (
        <Button variant="secondary" isBusy={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          {t('history.more')}
        </Button>
      )}
    </>
  );
}

function HistoryItem({ event: e }: { event: PortalEvent }) {
  const { t } = useTranslation('portal');
  // The customer is "Customer", as agents see it in their history and reports; others by name.
  const who = e.actor.kind === 'customer' ? t('history.customer') : e.actor.kind === 'system' ? t('history.system') : e.actor.name;
  const resolution = e.detail.resolution || (e.detail.resolution_kind === 'collect' ? t('history.collect') : null);
  return (
    <li className={`portal-timeline-item portal-timeline-${e.type}`}>
      <p className="portal-timeline-what">{t(`history.event.${e.type}`)}</p>
      {e.detail.reason && <p className="portal-timeline-detail">{t('history.reason', { text: e.detail.reason })}</p>}
      {resolution && <p className="portal-timeline-detail">{t('history.resolution', { text: resolution })}</p>}
      <p className="portal-timeline-meta">
        <span className="portal-timeline-who">{who}</span> · <time dateTime={e.created_at}>{formatDateTime(e.created_at)}</time>
      </p>
    </li>
  );
}
