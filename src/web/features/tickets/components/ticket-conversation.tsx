import { type ChangeEvent, type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, Message, Ticket } from '../../../../contract/tickets.ts';
import { attachmentAccept, inlineAttachmentTypes, limits } from '../../../../contract/limits.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useDraft } from '../../../lib/use-draft.ts';
import { useAddMessage } from '../api/change-ticket.ts';
import { useTicketMessages } from '../api/get-ticket-messages.ts';
import { MailText, OriginalMailLink } from './mail-text.tsx';

/** The complaint and everything said about it since, as a chat; the composer below. */
export function TicketConversation({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('ticket');
  const messages = useTicketMessages(ticket.number);
  const items = messages.data?.pages.flatMap((p) => p.items) ?? [];
  const opener = ticket.customer_user?.name ?? ticket.reporter?.name ?? t('chat.customer');

  return (
    <div className="conversation">
      <ol className="chat" aria-label={t('chat.label')}>
        <li className="chat-item chat-customer">
          <div className="chat-bubble">
            <p className="chat-meta">
              <span className="chat-author">{opener}</span> <span className="chat-kind">{t('chat.complaint')}</span>{' '}
              <time dateTime={ticket.created_at}>{formatDateTime(ticket.created_at)}</time>
              {ticket.mail && <OriginalMailLink mail={ticket.mail} />}
            </p>
            {ticket.mail ? (
              <MailText text={ticket.description} mail={ticket.mail} />
            ) : (
              <p className="chat-text">{ticket.description || <span className="muted">{t('chat.noDescription')}</span>}</p>
            )}
          </div>
        </li>
        {items.map((m) => (
          <MessageItem key={m.id} message={m} />
        ))}
      </ol>
      {messages.isPending && (
        <p className="muted" aria-busy="true">
          <Spinner size="sm" /> {t('chat.loading')}
        </p>
      )}
      {messages.isError && <RetryAlert title={t('chat.failed')} error={messages.error} onRetry={() => void messages.refetch()} />}
      {messages.hasNextPage && (
        <Button variant="secondary" isBusy={messages.isFetchingNextPage} onClick={() => void messages.fetchNextPage()}>
          {t('chat.more')}
        </Button>
      )}
      <Composer number={ticket.number} canReply={ticket.verification_state !== 'unverified'} />
    </div>
  );
}

function MessageItem({ message: m }: { message: Message }) {
  const { t } = useTranslation('ticket');
  const side = m.kind === 'system' ? 'chat-system' : m.author.kind === 'customer' ? 'chat-customer' : m.visibility === 'internal' ? 'chat-note' : 'chat-agent';
  const kind = t(m.kind === 'system' ? 'chat.system' : m.visibility === 'internal' ? 'chat.internal' : m.author.kind === 'customer' ? 'chat.customerNote' : 'chat.reply');
  return (
    <li className={`chat-item ${side}`}>
      <div className="chat-bubble">
        <p className="chat-meta">
          <span className="chat-author">{m.author.name}</span> <span className="chat-kind">{kind}</span>{' '}
          <time dateTime={m.created_at}>{formatDateTime(m.created_at)}</time>
          {m.mail && <OriginalMailLink mail={m.mail} />}
        </p>
        {/* Rendered as text, never as HTML: whatever a customer typed stays inert. A mail's quotes and signature fold. */}
        {m.mail ? <MailText text={m.body} mail={m.mail} /> : <p className="chat-text">{m.body}</p>}
        {m.attachments.length > 0 && (
          <ul className="chat-attachments" aria-label={t('chat.attachments')}>
            {m.attachments.map((a) => (
              <AttachmentItem key={a.id} attachment={a} />
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

/** Sizes in the reader's language and units (kB, MB). */
function useFormatSize(): (bytes: number) => string {
  const { i18n } = useTranslation();
  return (bytes) => {
    const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / (1024 * 1024), 'megabyte'];
    return new Intl.NumberFormat(i18n.language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  };
}

/** Images as thumbnails that open the file; everything else as a download link with its size. */
function AttachmentItem({ attachment: a }: { attachment: Attachment }) {
  const { t } = useTranslation('ticket');
  const formatSize = useFormatSize();
  if (inlineAttachmentTypes.includes(a.content_type)) {
    return (
      <li className="chat-attachment">
        <a href={a.url} target="_blank" rel="noopener noreferrer" title={t('chat.open', { name: a.filename })}>
          <img className="chat-thumbnail" src={a.url} loading="lazy" alt={a.filename} />
        </a>
      </li>
    );
  }
  return (
    <li className="chat-attachment">
      <a className="chat-file" href={a.url} download={a.filename}>
        <span aria-hidden="true">📎</span> {a.filename}
      </a>{' '}
      <span className="muted">{formatSize(a.size_bytes)}</span>
    </li>
  );
}

/** `canReply`: false while the ticket waits for verification, when only internal notes are taken. */
function Composer({ number, canReply }: { number: string; canReply: boolean }) {
  const { t } = useTranslation('ticket');
  const id = useId();
  const [chosen, setVisibility] = useState<'public' | 'internal'>('public');
  const visibility = canReply ? chosen : 'internal';
  const [body, setBody, clearBody] = useDraft(`ticket:${number}:${visibility}`);
  const add = useAddMessage(number);
  const tooLong = new TextEncoder().encode(body).length > limits.messageMaxBytes;
  const [files, setFiles] = useState<File[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const formatSize = useFormatSize();
  const maxMb = limits.attachmentMaxBytes / (1024 * 1024);
  const oversized = files.find((f) => f.size > limits.attachmentMaxBytes);
  // Checked here too so the agent hears at once; the server checks again and reads the real type.
  const fileProblem =
    files.length > limits.attachmentsMax
      ? t('composer.tooMany', { count: limits.attachmentsMax })
      : oversized
        ? t('composer.fileTooLarge', { name: oversized.name, mb: maxMb })
        : null;

  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(e.target.files ?? []);
    setFiles((prev) => [...prev, ...chosen]);
    // Cleared so choosing the same file again after removing it still fires a change.
    e.target.value = '';
  };
  const send = (e?: FormEvent) => {
    e?.preventDefault();
    if (!body.trim() || tooLong || fileProblem || add.isPending) return;
    add.mutate(
      { body, visibility, files },
      {
        onSuccess: () => {
          clearBody();
          setFiles([]);
        },
      },
    );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
  };

  return (
    <form className={`composer composer-${visibility}`} onSubmit={send} aria-label={t('composer.label')}>
      <div className="composer-modes" role="radiogroup" aria-label={t('composer.type')}>
        {(['public', 'internal'] as const).map((v) => (
          <label key={v} className={visibility === v ? 'composer-mode composer-mode-active' : 'composer-mode'}>
            <input type="radio" name={`${id}-visibility`} value={v} checked={visibility === v} disabled={v === 'public' && !canReply} onChange={() => setVisibility(v)} />
            {v === 'public' ? t('composer.public') : t('composer.internal')}
          </label>
        ))}
        {!canReply && <span className="composer-wait">{t('composer.verifyFirst')}</span>}
      </div>
      <label htmlFor={`${id}-body`} className="visually-hidden">
        {visibility === 'public' ? t('composer.publicLabel') : t('composer.internalLabel')}
      </label>
      <textarea
        id={`${id}-body`}
        className="field-input composer-text"
        rows={4}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={visibility === 'public' ? t('composer.publicPlaceholder') : t('composer.internalPlaceholder')}
        aria-invalid={tooLong || undefined}
        aria-describedby={`${id}-note`}
      />
      <div className="composer-files">
        <input
          ref={fileInput}
          id={`${id}-files`}
          type="file"
          multiple
          accept={attachmentAccept}
          className="visually-hidden"
          tabIndex={-1}
          onChange={pick}
          aria-describedby={`${id}-limits`}
        />
        <Button type="button" variant="secondary" onClick={() => fileInput.current?.click()} aria-describedby={`${id}-limits`}>
          {t('composer.attach')}
        </Button>
        <p className="field-hint" id={`${id}-limits`}>
          {t('composer.attachLimits', { count: limits.attachmentsMax, mb: maxMb })}
        </p>
        {files.length > 0 && (
          <ul className="composer-file-list" aria-label={t('composer.chosen')}>
            {files.map((f, i) => (
              <li key={`${i}-${f.name}`}>
                {f.name} <span className="muted">{formatSize(f.size)}</span>{' '}
                <Button type="button" variant="ghost" aria-label={t('composer.remove', { name: f.name })} onClick={() => setFiles(files.filter((_, j) => j !== i))}>
                  ×
                </Button>
              </li>
            ))}
          </ul>
        )}
        {fileProblem && <p className="field-error">{fileProblem}</p>}
      </div>
      {add.isError && (
        <Alert title={t('composer.notSent')}>
          {add.error.message} {t('composer.notSentHint')}
        </Alert>
      )}
      <div className="composer-foot">
        <p className={tooLong ? 'field-error' : 'field-hint'} id={`${id}-note`}>
          {tooLong ? t('composer.tooLong', { kb: limits.messageMaxBytes / 1024 }) : t('composer.hint')}
        </p>
        <Button type="submit" isBusy={add.isPending} disabled={!body.trim() || tooLong || fileProblem !== null}>
          {visibility === 'public' ? t('composer.send') : t('composer.note')}
        </Button>
      </div>
    </form>
  );
}
