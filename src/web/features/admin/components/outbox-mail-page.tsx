import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { OutboxMailDetail } from '../../../../contract/mail.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isLanguage, languageNames } from '../../../i18n/languages.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatCount, formatDateTime } from '../../../lib/format.ts';
import { useOutboxMail } from '../api/get-outbox-mail.ts';
import { isForbidden } from '../admin-access.ts';
import { AdminOnly } from './admin-only.tsx';
import { MailStatusBadge, useTemplateLabel } from './mail-status-badge.tsx';
import { MailParts } from './outbox-mail-parts.tsx';
import { OutboxRetry } from './outbox-retry.tsx';
import './outbox.css';

/** The mail's envelope and bookkeeping, as a definition list. */
function MailHeaders({ mail }: { mail: OutboxMailDetail }) {
  const { t } = useTranslation('admin');
  const templateLabel = useTemplateLabel();
  const rows: [string, ReactNode][] = [
    [t('mail.to'), mail.to_name ? `${mail.to_name} <${mail.to_address}>` : mail.to_address],
    [t('mail.subject'), mail.subject],
    [t('mail.messageId'), <code key="id">{mail.message_id}</code>],
    [t('mail.inReplyTo'), mail.in_reply_to ? <code key="irt">{mail.in_reply_to}</code> : <span className="muted">{t('mail.none')}</span>],
    [
      t('mail.references'),
      mail.references.length ? (
        <span className="mail-references">
          {mail.references.map((r) => (
            <code key={r}>{r}</code>
          ))}
        </span>
      ) : (
        <span className="muted">{t('mail.none')}</span>
      ),
    ],
    [t('mail.template'), `${templateLabel(mail.template)} · ${isLanguage(mail.language) ? languageNames[mail.language] : mail.language}`],
    [t('mail.ticket'), mail.ticket_number ? <Link to={`/tickets/${encodeURIComponent(mail.ticket_number)}`}>{mail.ticket_number}</Link> : <span className="muted">{t('mail.none')}</span>],
    [t('mail.created'), <time dateTime={mail.created_at}>{formatDateTime(mail.created_at)}</time>],
    mail.sent_at
      ? [t('mail.sentAt'), <time dateTime={mail.sent_at}>{formatDateTime(mail.sent_at)}</time>]
      : [t('mail.nextAttempt'), mail.status === 'queued' || mail.status === 'failed' ? <time dateTime={mail.next_attempt_at}>{formatDateTime(mail.next_attempt_at)}</time> : <span className="muted">{t('mail.none')}</span>],
    [t('mail.attempts'), formatCount(mail.attempts)],
  ];
  return (
    <section className="panel" aria-labelledby="mail-headers-title">
      <div className="panel-head">
        <h2 id="mail-headers-title" className="panel-title">
          {t('mail.headers')}
        </h2>
      </div>
      <dl className="mail-headers">
        {rows.map(([label, value]) => (
          <div key={label} className="mail-header">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** One outgoing mail as it was (or will be) sent: headers, the text part, the HTML part; Retry when it is stuck. */
export function OutboxMailPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { id: rawId = '' } = useParams();
  const id = /^\d{1,15}$/.test(rawId) ? Number(rawId) : 0;
  const { search } = useLocation();
  const mail = useOutboxMail(id);
  const heading = useRef<HTMLHeadingElement>(null);
  // Arriving from the list, focus starts at the mail (a screen reader reads its subject).
  const loadedId = mail.data?.id;
  useEffect(() => {
    if (loadedId !== undefined) heading.current?.focus();
  }, [loadedId]);

  const back = { pathname: '/admin/outbox', search };
  const breadcrumbs = (
    <nav className="breadcrumbs" aria-label={t('mail.breadcrumbs')}>
      <Link to={back}>{t('mail.back')}</Link> <span aria-hidden="true">›</span> <span>#{rawId}</span>
    </nav>
  );

  if (isForbidden(mail.error)) return <AdminOnly />;
  const isMissing = id === 0 || (mail.error instanceof ApiError && mail.error.status === 404);
  if (isMissing || (mail.isError && !mail.data)) {
    return (
      <div className="page">
        <title>{t('common:app.titleSuffix', { title: t('outbox.title') })}</title>
        {breadcrumbs}
        <Alert title={isMissing ? t('mail.missing', { id: rawId }) : t('mail.failed')}>
          {!isMissing && mail.error && (
            <>
              {mail.error.message}{' '}
              <button type="button" className="link-button" onClick={() => void mail.refetch()}>
                {t('common:action.tryAgain')}
              </button>{' '}
            </>
          )}
          <Link to={back}>{t('mail.back')}</Link>
        </Alert>
      </div>
    );
  }
  if (!mail.data) {
    return (
      <div className="page mail-loading" aria-busy="true">
        <Spinner /> {t('mail.loading')}
      </div>
    );
  }
  const m = mail.data;
  return (
    <div className="page mail-page">
      <title>{t('common:app.titleSuffix', { title: `${m.subject} · ${t('outbox.title')}` })}</title>
      {breadcrumbs}
      <header className="mail-head">
        <div className="mail-head-main">
          <p className="mail-head-status">
            <MailStatusBadge status={m.status} />
            <span className="mail-head-to">{m.to_address}</span>
          </p>
          <h1 ref={heading} tabIndex={-1} className="page-title mail-head-subject">
            {m.subject}
          </h1>
        </div>
        <OutboxRetry mail={m} />
      </header>
      {m.last_error && (
        <Alert title={t('mail.lastError')}>
          <span className="mail-error">{m.last_error}</span>
        </Alert>
      )}
      <MailHeaders mail={m} />
      <MailParts mail={m} />
    </div>
  );
}
