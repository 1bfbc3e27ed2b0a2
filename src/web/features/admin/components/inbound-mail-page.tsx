import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { inboundOutcomes, type InboundMail } from '../../../../contract/inbound-mail.ts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';
import { LoadMoreFoot } from '../../../components/ui/load-more-foot.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { formatDateTime, formatDay, formatTime } from '../../../lib/format.ts';
import { useInboundMails, type InboundFilter } from '../api/get-inbound-mails.ts';
import { isForbidden } from '../admin-access.ts';
import { AdminOnly } from './admin-only.tsx';
import './outbox.css';

const filters: (InboundFilter | undefined)[] = [undefined, ...inboundOutcomes, 'pending'];
const tone: Record<InboundFilter, BadgeTone> = {
  pending: 'amber',
  ticket_created: 'green',
  added_to_ticket: 'green',
  follow_up_created: 'green',
  ignored: 'neutral',
  bounce_recorded: 'red',
  unreadable_ticket: 'amber',
};

const readFilter = (params: URLSearchParams): InboundFilter | undefined => filters.find((f) => f !== undefined && f === params.get('outcome')) ?? undefined;

function InboundRow({ mail }: { mail: InboundMail }) {
  const { t } = useTranslation('admin');
  const outcome: InboundFilter = mail.outcome ?? 'pending';
  return (
    <tr data-id={mail.id}>
      <td className="col-created">
        <time dateTime={mail.received_at} title={formatDateTime(mail.received_at)}>
          <span className="cell-main">{formatDay(mail.received_at)}</span>
          <span className="cell-sub">{formatTime(mail.received_at)}</span>
        </time>
      </td>
      <td className="col-to">
        <span className="cell-main">{mail.mail_from || t('inbound.emptySender')}</span>
        <span className="cell-sub">{mail.rcpt_to.join(', ')}</span>
      </td>
      <td className="col-status">
        <Badge tone={tone[outcome]}>{t(`inbound.outcome.${outcome}`)}</Badge>
      </td>
      <td className="col-subject">
        <span className="cell-main">{mail.reason ?? '—'}</span>
        {mail.message_id && <span className="cell-sub">{mail.message_id}</span>}
      </td>
      <td>{mail.ticket_number ? <Link to={`/tickets/${encodeURIComponent(mail.ticket_number)}`}>{mail.ticket_number}</Link> : '—'}</td>
      <td>
        <a href={`/api/v1/admin/inbound-mails/${mail.id}/raw`} download={`mail-${mail.id}.eml`}>
          {t('inbound.download')}
        </a>
      </td>
    </tr>
  );
}

/** The admin's log of received mail (issue 7): what each mail became and why, and the message as it arrived. */
export function InboundMailPage() {
  const { t } = useTranslation(['admin', 'common']);
  const [params] = useSearchParams();
  const outcome = readFilter(params);
  const mails = useInboundMails(outcome);
  const items = mails.data?.pages.flatMap((p) => p.items) ?? [];
  if (isForbidden(mails.error)) return <AdminOnly />;

  return (
    <div className="page outbox-page">
      <title>{t('common:app.titleSuffix', { title: t('inbound.title') })}</title>
      <div className="page-head">
        <div>
          <h1 className="page-title">{t('inbound.title')}</h1>
          <p className="page-intro">{t('inbound.intro')}</p>
        </div>
      </div>
      <nav className="admin-segments" aria-label={t('inbound.filter')}>
        {filters.map((f) => (
          <Link
            key={f ?? 'all'}
            to={{ search: f ? `?outcome=${f}` : '' }}
            className={['admin-segment', f === outcome ? 'admin-segment-active' : ''].filter(Boolean).join(' ')}
            aria-current={f === outcome ? 'page' : undefined}
          >
            {f ? t(`inbound.outcome.${f}`) : t('inbound.all')}
          </Link>
        ))}
      </nav>
      <section className="panel" aria-labelledby="inbound-list-title" aria-busy={mails.isFetching || undefined}>
        <div className="panel-head">
          <h2 id="inbound-list-title" className="panel-title">
            {t('inbound.listTitle')}
          </h2>
          {mails.isSuccess && items.length > 0 && <span className="panel-meta">{t('inbound.shown', { count: items.length })}</span>}
        </div>
        {mails.isError && !mails.data ? (
          <div className="panel-body">
            <RetryAlert title={t('inbound.loadFailed')} error={mails.error} onRetry={() => void mails.refetch()} />
          </div>
        ) : mails.isSuccess && items.length === 0 ? (
          <div className="empty-state" role="status">
            <h3>{t('inbound.emptyTitle')}</h3>
            <p>{t('inbound.emptyText')}</p>
          </div>
        ) : (
          <div className="table-scroll">
            <table className="outbox-table" aria-busy={mails.isPending || undefined}>
              <thead>
                <tr>
                  {(['received', 'from', 'outcome', 'reason', 'ticket', 'raw'] as const).map((c) => (
                    <th key={c} scope="col">
                      {t(`inbound.column.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <InboundRow key={m.id} mail={m} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMoreFoot query={mails} failed={(message) => t('inbound.moreFailed', { message })} />
      </section>
    </div>
  );
}
