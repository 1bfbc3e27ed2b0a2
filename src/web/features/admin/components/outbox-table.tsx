import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { OutboxMail } from '../../../../contract/mail.ts';
import { formatCount, formatDateTime, formatDay, formatTime } from '../../../lib/format.ts';
import { MailStatusBadge, useTemplateLabel } from './mail-status-badge.tsx';

const columns = ['created', 'to', 'subject', 'template', 'status', 'attempts', 'lastError'] as const;

interface OutboxTableProps {
  mails: OutboxMail[];
  isLoading: boolean;
  /** The list's URL search, carried to a mail so its "Outbox" link returns to the same view. */
  search: string;
}

/** The outbox as a table; a mail's subject opens it (the whole row does for a pointer). */
export function OutboxTable({ mails, isLoading, search }: OutboxTableProps) {
  const { t } = useTranslation('admin');
  const templateLabel = useTemplateLabel();
  const navigate = useNavigate();
  const mailPath = (id: number) => ({ pathname: `/admin/outbox/${id}`, search: search ? `?${search}` : '' });
  const openRow = (e: MouseEvent, id: number) => {
    // The subject link opens the mail itself; a selection of text is not a click on the row.
    if ((e.target as HTMLElement).closest('a') || window.getSelection()?.toString()) return;
    void navigate(mailPath(id));
  };

  return (
    <div className="table-scroll">
      <table className="outbox-table" aria-busy={isLoading || undefined}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className={`col-${c}`}>
                {t(`outbox.column.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {isLoading
            ? Array.from({ length: 5 }, (_, row) => (
                <tr key={row} className="placeholder-row" aria-hidden="true">
                  {columns.map((c) => (
                    <td key={c}>
                      <span className="placeholder-bar" />
                    </td>
                  ))}
                </tr>
              ))
            : mails.map((mail) => (
                <tr key={mail.id} className="outbox-row" data-id={mail.id} onClick={(e) => openRow(e, mail.id)}>
                  <td className="col-created">
                    <time dateTime={mail.created_at} title={formatDateTime(mail.created_at)}>
                      <span className="cell-main">{formatDay(mail.created_at)}</span>
                      <span className="cell-sub">{formatTime(mail.created_at)}</span>
                    </time>
                  </td>
                  <td className="col-to">
                    {mail.to_name && <span className="cell-main">{mail.to_name}</span>}
                    <span className={mail.to_name ? 'cell-sub' : 'cell-main'} title={mail.to_address}>
                      {mail.to_address}
                    </span>
                  </td>
                  <td className="col-subject">
                    <Link to={mailPath(mail.id)} className="outbox-subject">
                      {mail.subject}
                    </Link>
                    {mail.ticket_number && <span className="cell-sub">{t('outbox.ticket', { number: mail.ticket_number })}</span>}
                  </td>
                  <td className="col-template">
                    <span className="cell-main">{templateLabel(mail.template)}</span>
                    <span className="cell-sub">{mail.language.toUpperCase()}</span>
                  </td>
                  <td className="col-status">
                    <MailStatusBadge status={mail.status} />
                  </td>
                  <td className="col-attempts">{formatCount(mail.attempts)}</td>
                  <td className="col-lastError">
                    {mail.last_error ? (
                      <span className="outbox-error" title={mail.last_error}>
                        {mail.last_error}
                      </span>
                    ) : (
                      <span className="muted" aria-hidden="true">
                        —
                      </span>
                    )}
                  </td>
                </tr>
              ))}
        </tbody>
      </table>
    </div>
  );
}
