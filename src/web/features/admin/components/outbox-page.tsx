import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { LoadMoreFoot } from '../../../components/ui/load-more-foot.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { useOutbox } from '../api/get-outbox.ts';
import { isForbidden } from '../admin-access.ts';
import { outboxFilterOrder, readOutboxStatus, writeOutboxStatus } from '../outbox-filter.ts';
import { AdminOnly } from './admin-only.tsx';
import './outbox.css';
import { OutboxTable } from './outbox-table.tsx';

/** The status filter: links, so each view has its own address and Back returns to the one before. */
function OutboxFilter({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation('admin');
  const active = readOutboxStatus(params);
  return (
    <nav className="admin-segments" aria-label={t('outbox.filter')}>
      {outboxFilterOrder.map((status) => (
        <Link
          key={status ?? 'all'}
          to={{ search: writeOutboxStatus(params, status) }}
          className={['admin-segment', status === active ? 'admin-segment-active' : ''].filter(Boolean).join(' ')}
          aria-current={status === active ? 'page' : undefined}
        >
          {status === undefined ? t('outbox.all') : status === 'kept' ? t('outbox.kept') : t(`mailStatus.${status}`)}
        </Link>
      ))}
    </nav>
  );
}

/** The workspace's outgoing mail (DESIGN.md §3, Admin): what was sent, what waits, what failed, and the dev outbox. */
export function OutboxPage() {
  const { t } = useTranslation(['admin', 'common']);
  const [params] = useSearchParams();
  const status = readOutboxStatus(params);
  const outbox = useOutbox(status);
  const items = outbox.data?.pages.flatMap((p) => p.items) ?? [];

  if (isForbidden(outbox.error)) return <AdminOnly />;
  const heading = status ? t('outbox.listTitleStatus', { status: t(`mailStatus.${status}`) }) : t('outbox.listTitle');
  const hasKept = items.some((m) => m.status === 'kept');

  return (
    <div className="page outbox-page">
      <title>{t('common:app.titleSuffix', { title: status ? `${t('outbox.title')} · ${t(`mailStatus.${status}`)}` : t('outbox.title') })}</title>
      <div className="page-head">
        <div>
          <h1 className="page-title">{t('outbox.title')}</h1>
          <p className="page-intro">{t('outbox.intro')}</p>
        </div>
      </div>
      <OutboxFilter params={params} />
      {hasKept && <Alert tone="info">{t('outbox.keptNote')}</Alert>}

      <section className="panel" aria-labelledby="outbox-list-title" aria-busy={outbox.isFetching || undefined}>
        <div className="panel-head">
          <h2 id="outbox-list-title" className="panel-title">
            {heading}
          </h2>
          {outbox.isSuccess && items.length > 0 && <span className="panel-meta">{t(outbox.hasNextPage ? 'outbox.shownMore' : 'outbox.shown', { count: items.length })}</span>}
        </div>
        {outbox.isError && !outbox.data ? (
          <div className="panel-body">
            <RetryAlert title={t('outbox.loadFailed')} error={outbox.error} onRetry={() => void outbox.refetch()} />
          </div>
        ) : outbox.isSuccess && items.length === 0 ? (
          <div className="empty-state" role="status">
            <h3>{status ? t('outbox.emptyFilteredTitle') : t('outbox.emptyTitle')}</h3>
            <p>{status ? t('outbox.emptyFilteredText') : t('outbox.emptyText')}</p>
            {status && <Link to={{ search: writeOutboxStatus(params, undefined) }}>{t('outbox.all')}</Link>}
          </div>
        ) : (
          <OutboxTable mails={items} isLoading={outbox.isPending} search={params.toString()} />
        )}
        <LoadMoreFoot query={outbox} failed={(message) => t('outbox.moreFailed', { message })} />
      </section>
    </div>
  );
}
