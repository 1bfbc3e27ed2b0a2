import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SystemInfo } from '../../../../contract/system.ts';
import { formatCount } from '../../../lib/format.ts';
import { writeOutboxStatus } from '../outbox-filter.ts';

type OutboxCount = keyof SystemInfo['outbox'];

const countClass = (status: string, n: number) => ['system-count', status === 'failed' && n > 0 ? 'system-count-alarm' : ''].filter(Boolean).join(' ');

/** The workspace's queues: the outbox by status, each a link to that view of the outbox, and the webhook deliveries. */
export function SystemQueues({ info }: { info: SystemInfo }) {
  const { t } = useTranslation('admin');
  // Mails being sent are gone in seconds: their count shows only while there are some.
  const outbox: OutboxCount[] = info.outbox.sending > 0 ? ['queued', 'sending', 'failed', 'kept'] : ['queued', 'failed', 'kept'];
  return (
    <section className="panel system-panel" aria-labelledby="system-queues-title">
      <div className="panel-head">
        <h2 id="system-queues-title" className="panel-title">
          {t('system.queues.title')}
        </h2>
      </div>
      <div className="panel-body system-queues">
        <section aria-labelledby="system-outbox-title">
          <h3 id="system-outbox-title" className="system-queue-title">
            {t('system.queues.outbox')}
          </h3>
          <p className="field-hint">{t('system.queues.outboxHint')}</p>
          <ul className="system-counts">
            {outbox.map((status) => {
              const n = info.outbox[status];
              return (
                <li key={status}>
                  <Link
                    className={countClass(status, n)}
                    to={{ pathname: '/admin/outbox', search: writeOutboxStatus(new URLSearchParams(), status) }}
                    aria-label={t('system.queues.showMails', { status: t(`system.queues.${status}`), count: n })}
                  >
                    <span className="system-count-label">{t(`system.queues.${status}`)}</span>
                    <span className="system-count-number">{formatCount(n)}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-labelledby="system-webhooks-title">
          <h3 id="system-webhooks-title" className="system-queue-title">
            {t('system.queues.webhooks')}
          </h3>
          <p className="field-hint">{t('system.queues.webhooksHint')}</p>
          <ul className="system-counts">
            {(['queued', 'failed'] as const).map((status) => (
              <li key={status} className={countClass(status, info.webhook_deliveries[status])}>
                <span className="system-count-label">{t(`system.queues.${status}`)}</span>
                <span className="system-count-number">{formatCount(info.webhook_deliveries[status])}</span>
              </li>
            ))}
          </ul>
          <Link className="system-queue-link" to="/admin/webhooks">
            {t('system.queues.openWebhooks')}
          </Link>
        </section>
      </div>
    </section>
  );
}
