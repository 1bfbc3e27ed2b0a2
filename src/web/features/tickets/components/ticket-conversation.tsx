import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import type { Message, Ticket } from '../../../../contract/tickets.ts';
import { limits } from '../../../../contract/limits.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useDraft } from '../../../lib/use-draft.ts';
import { useAddMessage } from '../api/change-ticket.ts';
import { useTicketMessages } from '../api/get-ticket-messages.ts';

/** The complaint and everything said about it since, as a chat; the composer below. */
export function TicketConversation({ ticket }: { ticket: Ticket }) {
  const messages = useTicketMessages(ticket.number);
  const items = messages.data?.pages.flatMap((p) => p.items) ?? [];
  const opener = ticket.customer_user?.name ?? ticket.reporter?.name ?? 'Customer';

  return (
    <div className="conversation">
      <ol className="chat" aria-label="Conversation">
        <li className="chat-item chat-customer">
          <div className="chat-bubble">
            <p className="chat-meta">
              <span className="chat-author">{opener}</span> <span className="chat-kind">Complaint</span>{' '}
              <time dateTime={ticket.created_at}>{formatDateTime(ticket.created_at)}</time>
            </p>
            <p className="chat-text">{ticket.description || <span className="muted">No description was given.</span>}</p>
          </div>
        </li>
        {items.map((m) => (
          <MessageItem key={m.id} message={m} />
        ))}
      </ol>
      {messages.isPending && (
        <p className="muted" aria-busy="true">
          <Spinner size="sm" /> Loading the conversation…
        </p>
      )}
      {messages.isError && <RetryAlert title="The conversation could not be loaded" error={messages.error} onRetry={() => void messages.refetch()} />}
      {messages.hasNextPage && (
        <Button variant="secondary" isBusy={messages.isFetchingNextPage} onClick={() => void messages.fetchNextPage()}>
          Load more messages
        </Button>
      )}
      <Composer number={ticket.number} />
    </div>
  );
}

function MessageItem({ message: m }: { message: Message }) {
  const side = m.kind === 'system' ? 'chat-system' : m.author.kind === 'customer' ? 'chat-customer' : m.visibility === 'internal' ? 'chat-note' : 'chat-agent';
  const kind = m.kind === 'system' ? 'System' : m.visibility === 'internal' ? 'Internal note' : m.author.kind === 'customer' ? 'Customer note' : 'Reply';
  return (
    <li className={`chat-item ${side}`}>
      <div className="chat-bubble">
        <p className="chat-meta">
          <span className="chat-author">{m.author.name}</span> <span className="chat-kind">{kind}</span>{' '}
          <time dateTime={m.created_at}>{formatDateTime(m.created_at)}</time>
        </p>
        {/* Rendered as text, never as HTML: whatever a customer typed stays inert. */}
        <p className="chat-text">{m.body}</p>
      </div>
    </li>
  );
}

function Composer({ number }: { number: string }) {
  const id = useId();
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public');
  const [body, setBody, clearBody] = useDraft(`ticket:${number}:${visibility}`);
  const add = useAddMessage(number);
  const tooLong = new TextEncoder().encode(body).length > limits.messageMaxBytes;

  const send = (e?: FormEvent) => {
    e?.preventDefault();
    if (!body.trim() || tooLong || add.isPending) return;
    add.mutate({ body, visibility }, { onSuccess: () => clearBody() });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
  };

  return (
    <form className={`composer composer-${visibility}`} onSubmit={send} aria-label="Write a message">
      <div className="composer-modes" role="radiogroup" aria-label="Message type">
        {(['public', 'internal'] as const).map((v) => (
          <label key={v} className={visibility === v ? 'composer-mode composer-mode-active' : 'composer-mode'}>
            <input type="radio" name={`${id}-visibility`} value={v} checked={visibility === v} onChange={() => setVisibility(v)} />
            {v === 'public' ? 'Reply to customer' : 'Internal note'}
          </label>
        ))}
      </div>
      <label htmlFor={`${id}-body`} className="visually-hidden">
        {visibility === 'public' ? 'Reply to the customer' : 'Internal note for agents'}
      </label>
      <textarea
        id={`${id}-body`}
        className="field-input composer-text"
        rows={4}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={visibility === 'public' ? 'Write your reply… the customer sees it' : 'Write a note… only agents see it'}
        aria-invalid={tooLong || undefined}
        aria-describedby={`${id}-note`}
      />
      {add.isError && (
        <Alert title="Your message was not sent">
          {add.error.message} Your text is kept; send it again when you are ready.
        </Alert>
      )}
      <div className="composer-foot">
        <p className={tooLong ? 'field-error' : 'field-hint'} id={`${id}-note`}>
          {tooLong ? `Too long: at most ${limits.messageMaxBytes / 1024} kB.` : 'Drafts are kept on this device. Ctrl+Enter sends.'}
        </p>
        <Button type="submit" isBusy={add.isPending} disabled={!body.trim() || tooLong}>
          {visibility === 'public' ? 'Send reply' : 'Add note'}
        </Button>
      </div>
    </form>
  );
}
