import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../../../contract/notifications.ts';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { formatCount, formatDateTime, formatRelative } from '../../../lib/format.ts';
import { useDismiss } from '../../../lib/use-dismiss.ts';
import { useChangeMe } from '../../auth/api/change-me.ts';
import { useSession } from '../../auth/api/get-session.ts';
import { useMarkAllRead, useMarkRead, useNotifications } from '../api/notifications.ts';
import './notifications.css';

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** Whether notifications also come by email: the agent's own choice, kept on the server. */
function EmailChoice() {
  const { t } = useTranslation('notifications');
  const { agent } = useSession();
  const changeMe = useChangeMe();
  // Shown as chosen at once; a refused save puts back what the server has.
  const [checked, setChecked] = useState(agent.email_notifications);
  const choose = (value: boolean) => {
    setChecked(value);
    changeMe.mutate({ email_notifications: value }, { onError: () => setChecked(agent.email_notifications) });
  };
  return (
    <div className="bell-foot">
      <label className="bell-email">
        <input type="checkbox" checked={checked} onChange={(e) => choose(e.target.checked)} />
        <span>{t('byEmail')}</span>
      </label>
      {changeMe.isError && (
        <p className="field-error" role="alert">
          {changeMe.error.message}
        </p>
      )}
    </div>
  );
}

/** The header's bell: how many notifications are unread, and the list, kept live by the event stream. */
export function NotificationsBell() {
  const { t } = useTranslation('notifications');
  const [isOpen, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(isOpen, close, root, button, '.bell-panel button:not(:disabled), .bell-panel a');
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();

  const pages = notifications.data?.pages ?? [];
  const unread = pages[0]?.unread_count ?? 0;
  const items = pages.flatMap((p) => p.items);
  const label = unread > 0 ? t('button', { count: unread }) : t('buttonNone');
  const open = (n: Notification) => {
    if (!n.read_at) markRead.mutate(n.id);
    setOpen(false);
  };

  return (
    <div className="bell" ref={root}>
      <button ref={button} type="button" className="bell-button" aria-label={label} title={label} aria-expanded={isOpen} aria-controls={panelId} onClick={() => setOpen(!isOpen)}>
        <BellIcon />
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : formatCount(unread)}
          </span>
        )}
      </button>
      {/* Screen readers hear a new arrival without opening the list. */}
      <span className="visually-hidden" role="status">
        {unread > 0 ? label : ''}
      </span>
      <section id={panelId} className="bell-panel" hidden={!isOpen} aria-label={t('title')}>
        <header className="bell-panel-head">
          <h2 className="bell-title">{t('title')}</h2>
          <button type="button" className="link-button" disabled={unread === 0 || markAllRead.isPending} onClick={() => items[0] && markAllRead.mutate(items[0].id)}>
            {t('markAllRead')}
          </button>
        </header>
        {notifications.isError ? (
          <RetryAlert title={t('loadFailed')} error={notifications.error} onRetry={() => void notifications.refetch()} />
        ) : notifications.isPending ? (
          <p className="bell-empty">{t('loading')}</p>
        ) : items.length === 0 ? (
          <p className="bell-empty">{t('empty')}</p>
        ) : (
          <ul className="bell-list">
            {items.map((n) => (
              <li key={n.id}>
                <Link to={`/tickets/${encodeURIComponent(n.ticket.number)}`} className={n.read_at ? 'bell-item' : 'bell-item is-unread'} onClick={() => open(n)}>
                  <span className="bell-item-kind">
                    {!n.read_at && (
                      <>
                        <span className="bell-dot" aria-hidden="true" />
                        <span className="visually-hidden">{t('unread')}: </span>
                      </>
                    )}
                    {t(`kind.${n.kind}`)}
                  </span>
                  <span className="bell-item-ticket">
                    <span className="bell-item-number">#{n.ticket.number}</span> {n.ticket.subject}
                  </span>
                  <span className="bell-item-meta">
                    {t('by', { name: n.actor_name })} · <time dateTime={n.created_at} title={formatDateTime(n.created_at)}>{formatRelative(n.created_at)}</time>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <EmailChoice />
        {notifications.hasNextPage && (
          <button type="button" className="btn btn-secondary btn-md bell-more" disabled={notifications.isFetchingNextPage} onClick={() => void notifications.fetchNextPage()}>
            {notifications.isFetchingNextPage ? t('loading') : t('more')}
          </button>
        )}
      </section>
    </div>
  );
}
