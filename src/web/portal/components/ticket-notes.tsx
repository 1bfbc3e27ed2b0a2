import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PortalNote, PortalTicket } from '../../../contract/portal.ts';
import type { Attachment } from '../../../contract/tickets.ts';
import { inlineAttachmentTypes } from '../../../contract/limits.ts';
import { Button } from '../../components/ui/button.tsx';
import { RetryAlert } from '../../components/ui/retry-alert.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { currentLocale } from '../../i18n/languages.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useNotes } from '../api/get-notes.ts';
import { usePortal } from '../app/portal-context.ts';
import { formatSize } from '../lib/attachments.ts';
import { NoteComposer } from './note-composer.tsx';

/** The conversation with the team as a chat (the customer's own words on the right), and the composer. */
export function TicketNotes({ ticket }: { ticket: PortalTicket }) {
  const { t } = useTranslation('portal');
  const { ws } = usePortal();
  const notes = useNotes(ws, ticket.number);
  const items = notes.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="portal-conversation">
      {/* Notes that arrive live are read out; the ones already there are not. */}
      <ol className="portal-chat" aria-label={t('notes.label')} aria-live="polite" aria-relevant="additions">
        <li className="portal-note portal-note-mine">
          <div className="portal-note-bubble">
            <p className="portal-note-meta">
              <span className="portal-note-author">{t('notes.you')}</span> <span className="portal-note-kind">{t('notes.yourRequest')}</span>{' '}
              <time dateTime={ticket.created_at}>{formatDateTime(ticket.created_at)}</time>
            </p>
            <p className="portal-text">{ticket.description || <span className="muted">{t('notes.noDescription')}</span>}</p>
          </div>
        </li>
        {items.map((note) => (
          <NoteItem key={note.id} note={note} />
        ))}
      </ol>
      {notes.isPending && (
        <p className="muted" aria-busy="true">
          <Spinner size="sm" /> {t('notes.loading')}
        </p>
      )}
      {notes.isError && <RetryAlert title={t('notes.failed')} error={notes.error} onRetry={() => void notes.refetch()} />}
      {notes.hasNextPage && (
        <Button variant="secondary" isBusy={notes.isFetchingNextPage} onClick={() => void notes.fetchNextPage()}>
          {t('notes.more')}
        </Button>
      )}
      {ticket.status === 'closed' ? (
        <p className="portal-closed-note">
          {t('notes.closed')} <Link to={`/portal/${ws}/new`}>{t('frame.submitRequest')}</Link>
        </p>
      ) : (
        <NoteComposer number={ticket.number} />
      )}
    </div>
  );
}

function NoteItem({ note: n }: { note: PortalNote }) {
  const { t } = useTranslation('portal');
  const side = n.author.kind === 'system' ? 'system' : n.author.kind === 'customer' ? 'mine' : 'team';
  return (
    <li className={`portal-note portal-note-${side}`}>
      <div className="portal-note-bubble">
        <p className="portal-note-meta">
          <span className="portal-note-author">{side === 'mine' ? t('notes.you') : side === 'system' ? t('notes.system') : n.author.name}</span>
          {side === 'team' && <span className="portal-note-kind">{t('notes.agent')}</span>} <time dateTime={n.created_at}>{formatDateTime(n.created_at)}</time>
        </p>
        {/* Rendered as text, never as HTML: whatever anyone typed stays inert. */}
        <p className="portal-text">{n.body}</p>
        {n.attachments.length > 0 && (
          <ul className="portal-attachments" aria-label={t('notes.attachments')}>
            {n.attachments.map((a) => (
              <AttachmentItem key={a.id} attachment={a} />
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

/** Images as thumbnails that open the file; other files as a download link with their size. */
function AttachmentItem({ attachment: a }: { attachment: Attachment }) {
  const { t } = useTranslation('portal');
  if (inlineAttachmentTypes.includes(a.content_type)) {
    return (
      <li>
        <a href={a.url} target="_blank" rel="noopener noreferrer" title={t('notes.open', { name: a.filename })}>
          <img className="portal-thumb" src={a.url} loading="lazy" alt={a.filename} />
        </a>
      </li>
    );
  }
  return (
    <li className="portal-attachment-file">
      <a href={a.url} download={a.filename}>
        <span aria-hidden="true">📎</span> {a.filename}
      </a>{' '}
      <span className="muted">{formatSize(a.size_bytes, currentLocale())}</span>
    </li>
  );
}
