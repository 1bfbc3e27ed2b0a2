import { useTranslation } from 'react-i18next';
import type { ImapMailbox } from '../../../../contract/imap.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { useDepartments } from '../api/get-departments.ts';
import { useDeleteImapMailbox, useImapMailboxes } from '../api/imap-mailboxes.ts';
import { isForbidden } from '../admin-access.ts';
import { AdminOnly } from './admin-only.tsx';
import { AdminPage } from './admin-page.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { ImapMailboxDialog } from './imap-mailbox-dialog.tsx';
import { ListPanel } from './list-panel.tsx';
import { useListPage } from './use-list-page.ts';
import './service-levels.css';

type Open = { dialog: 'edit'; mailbox?: ImapMailbox } | { dialog: 'delete'; mailbox: ImapMailbox };

const nameOf = (m: ImapMailbox) => `${m.username}@${m.host}`;

/** How polling the mailbox went, as the poller last recorded it. */
function MailboxStatus({ mailbox: m }: { mailbox: ImapMailbox }) {
  const { t } = useTranslation('admin');
  const [tone, label] = !m.enabled
    ? (['neutral', t('imap.status.off')] as const)
    : m.last_error
      ? (['red', t('imap.status.failing')] as const)
      : m.last_polled_at
        ? (['green', t('imap.status.ok')] as const)
        : (['amber', t('imap.status.waiting')] as const);
  return (
    <>
      <Badge tone={tone}>{label}</Badge>
      {m.last_error && m.last_error_at && (
        <span className="cell-sub" title={formatDateTime(m.last_error_at)}>
          {t('imap.failedAt', { when: formatRelative(m.last_error_at), message: m.last_error })}
        </span>
      )}
      {m.last_polled_at && (
        <span className="cell-sub" title={formatDateTime(m.last_polled_at)}>
          {t('imap.polledAt', { when: formatRelative(m.last_polled_at) })}
        </span>
      )}
    </>
  );
}

/** Departments' IMAP mailboxes (issue 7): where their mail is read from, how the last poll went, and a connection test. */
export function ImapMailboxesPage() {
  const { t } = useTranslation(['admin', 'common']);
  const mailboxes = useImapMailboxes();
  const departments = useDepartments();
  const remove = useDeleteImapMailbox();
  const page = useListPage<Open>(remove);

  if (isForbidden(mailboxes.error)) return <AdminOnly />;
  const { open } = page;
  const count = mailboxes.data?.items.length ?? 0;

  return (
    <AdminPage
      title={t('imap.title')}
      intro={t('imap.intro')}
      headingRef={page.heading}
      action={
        <Button onClick={() => page.show({ dialog: 'edit' })} disabled={!departments.data?.items.length}>
          {t('imap.addButton')}
        </Button>
      }
    >
      <p role="status" className="form-notice">
        {page.notice}
      </p>
      {departments.isError && !departments.data && <RetryAlert title={t('imap.loadFailed')} error={departments.error} onRetry={() => void departments.refetch()} />}
      <ListPanel
        id="imap-mailboxes-title"
        title={t('imap.listTitle')}
        meta={count > 0 ? t('imap.count', { count }) : undefined}
        list={mailboxes}
        loadFailed={t('imap.loadFailed')}
        empty={{ title: t('imap.emptyTitle'), text: t('imap.emptyText') }}
      >
        {(data) => (
          <div className="table-scroll">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('imap.column.department')}</th>
                  <th scope="col">{t('imap.column.server')}</th>
                  <th scope="col">{t('imap.column.account')}</th>
                  <th scope="col">{t('imap.column.status')}</th>
                  <th scope="col">{t('imap.column.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((m) => (
                  <tr key={m.id} data-id={m.id} className={m.enabled ? undefined : 'row-inactive'}>
                    <th scope="row" className="cell-name">
                      {m.department.name}
                    </th>
                    <td>
                      <span className="cell-main">
                        {m.host}:{m.port}
                      </span>
                      <span className="cell-sub">{t(`imap.tls.${m.tls_mode}`)}</span>
                    </td>
                    <td>
                      <span className="cell-main">{m.username}</span>
                      <span className="cell-sub">{m.folder}</span>
                    </td>
                    <td>
                      <MailboxStatus mailbox={m} />
                    </td>
                    <td className="cell-actions">
                      <Button variant="ghost" onClick={() => page.show({ dialog: 'edit', mailbox: m })} aria-label={`${t('imap.edit')} ${nameOf(m)}`}>
                        {t('imap.edit')}
                      </Button>
                      <Button variant="ghost" onClick={() => page.show({ dialog: 'delete', mailbox: m })} aria-label={`${t('imap.delete')} ${nameOf(m)}`}>
                        {t('imap.delete')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListPanel>

      {open?.dialog === 'edit' && departments.data && (
        <ImapMailboxDialog
          mailbox={open.mailbox}
          departments={departments.data.items}
          onClose={page.close}
          onSaved={(saved) => page.say(t(open.mailbox ? 'imap.saved' : 'imap.added', { name: nameOf(saved) }))}
        />
      )}
      {open?.dialog === 'delete' && (
        <ConfirmDialog
          title={t('imap.deleteTitle', { name: nameOf(open.mailbox) })}
          text={t('imap.deleteText')}
          confirmLabel={t('imap.delete')}
          isBusy={remove.isPending}
          error={remove.isError ? t('imap.deleteFailed', { message: remove.error.message }) : null}
          onConfirm={() => page.remove(open.mailbox.id, t('imap.deleted', { name: nameOf(open.mailbox) }))}
          onCancel={page.close}
        />
      )}
    </AdminPage>
  );
}
