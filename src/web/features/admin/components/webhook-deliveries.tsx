import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeliveryStatus, Webhook, WebhookDelivery } from '../../../../contract/webhooks.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadMoreFoot } from '../../../components/ui/load-more-foot.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { formatDateTime, formatDay, formatTime } from '../../../lib/format.ts';
import { useRetryDelivery } from '../api/webhooks-actions.ts';
import { useWebhookDeliveries } from '../api/webhooks-deliveries.ts';
import { eventKey } from './webhook-dialog.tsx';

const tone: Record<DeliveryStatus, BadgeTone> = { queued: 'amber', sending: 'blue', delivered: 'green', failed: 'red' };

function DeliveryRow({ delivery, onRetry, isRetrying }: { delivery: WebhookDelivery; onRetry: () => void; isRetrying: boolean }) {
  const { t } = useTranslation('admin');
  const answer = [delivery.last_status_code, delivery.last_error ?? delivery.response_excerpt].filter((x) => x !== null && x !== '').join(' · ');
  return (
    <tr data-id={delivery.id}>
      <td className="col-created">
        <time dateTime={delivery.created_at} title={formatDateTime(delivery.created_at)}>
          <span className="cell-main">{formatDay(delivery.created_at)}</span>
          <span className="cell-sub">{formatTime(delivery.created_at)}</span>
        </time>
      </td>
      <td>{t(eventKey(delivery.event))}</td>
      <td>{delivery.ticket_number ? <Link to={`/tickets/${encodeURIComponent(delivery.ticket_number)}`}>{delivery.ticket_number}</Link> : '—'}</td>
      <td className="col-status">
        <Badge tone={tone[delivery.status]}>{t(`webhooks.log.status.${delivery.status}`)}</Badge>
        {delivery.status === 'queued' && delivery.next_attempt_at && delivery.attempts > 0 && (
          <span className="cell-sub">{t('webhooks.log.nextAt', { at: formatDateTime(delivery.next_attempt_at) })}</span>
        )}
      </td>
      <td>{delivery.attempts}</td>
      <td className="col-subject">
        <span className="cell-main">{answer || '—'}</span>
      </td>
      <td>
        {delivery.status === 'failed' && (
          <Button variant="secondary" isBusy={isRetrying} onClick={onRetry}>
            {t('webhooks.log.retry')}
          </Button>
        )}
      </td>
    </tr>
  );
}

/** An endpoint's delivery log: each event's attempts and the endpoint's last answer; a failed one can be sent again. */
export function WebhookDeliveries({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const deliveries = useWebhookDeliveries(webhook.id);
  const retry = useRetryDelivery(webhook.id);
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="panel" aria-labelledby="webhook-log-title" aria-busy={deliveries.isFetching || undefined}>
      <div className="panel-head">
        <h2 id="webhook-log-title" className="panel-title">
          {t('webhooks.log.title', { url: webhook.url })}
        </h2>
        <Button variant="ghost" onClick={onClose}>
          {t('webhooks.log.close')}
        </Button>
      </div>
      {retry.error && <Alert>{t('webhooks.actionFailed', { message: retry.error.message })}</Alert>}
      {deliveries.isError && !deliveries.data ? (
        <div className="panel-body">
          <RetryAlert title={t('webhooks.log.loadFailed')} error={deliveries.error} onRetry={() => void deliveries.refetch()} />
        </div>
      ) : deliveries.isSuccess && items.length === 0 ? (
        <div className="empty-state" role="status">
          <p>{t('webhooks.log.empty')}</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="outbox-table">
            <thead>
              <tr>
                {(['created', 'event', 'ticket', 'status', 'attempts', 'answer'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`webhooks.log.column.${c}`)}
                  </th>
                ))}
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <DeliveryRow key={d.id} delivery={d} isRetrying={retry.isPending && retry.variables === d.id} onRetry={() => retry.mutate(d.id)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMoreFoot query={deliveries} failed={(message) => t('webhooks.log.moreFailed', { message })} />
    </section>
  );
}
