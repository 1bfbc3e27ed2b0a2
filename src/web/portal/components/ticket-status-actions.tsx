import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalTicket } from '../../../contract/portal.ts';
import { limits } from '../../../contract/limits.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextAreaField } from '../../components/ui/textarea-field.tsx';
import { fieldErrors, isConflict } from '../../lib/api-client.ts';
import { type StatusChange, useChangeStatus } from '../api/change-status.ts';
import { usePortal } from '../app/portal-context.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';

/**
 * Resolve ticket (after a confirmation, with the customer's own words if they like) and Reopen
 * ticket, each offered only when the server says the customer may.
 */
export function TicketStatusActions({ ticket }: { ticket: PortalTicket }) {
  const { t } = useTranslation('portal');
  const { ws } = usePortal();
  const change = useChangeStatus(ws, ticket.number);
  const [isAsking, setIsAsking] = useState(false);
  const [words, setWords] = useState('');
  const [done, setDone] = useState<StatusChange['to'] | null>(null);
  const group = useRef<HTMLDivElement>(null);

  // After a change the button pressed is gone; focus moves to the one that takes its place.
  useEffect(() => {
    if (done) group.current?.querySelector<HTMLElement>('button')?.focus();
  }, [done, ticket.can_resolve, ticket.can_reopen]);

  const run = (move: StatusChange) => {
    setDone(null);
    change.mutate(move, {
      onSuccess: () => {
        setIsAsking(false);
        setWords('');
        setDone(move.to);
      },
      onError: (error) => {
        if (isConflict(error)) setIsAsking(false);
      },
    });
  };
  const wordsError = fieldErrors(change.error).resolution;
  const dialogError = change.error && !isConflict(change.error) && !wordsError ? { title: t('ticket.notChanged'), message: change.error.message } : null;

  return (
    <div className="portal-ticket-actions">
      <div ref={group} className="portal-ticket-actions-buttons" role="group" aria-label={t('ticket.actions')} hidden={!ticket.can_resolve && !ticket.can_reopen}>
        {ticket.can_resolve && (
          <Button onClick={() => { change.reset(); setIsAsking(true); }}>{t('ticket.resolve')}</Button>
        )}
        {ticket.can_reopen && (
          <Button variant="secondary" isBusy={change.isPending && !isAsking} onClick={() => run({ to: 'open' })}>
            {t('ticket.reopen')}
          </Button>
        )}
      </div>
      {/* Always in the page, so screen readers announce what changed in it. */}
      <p role="status" className="portal-ticket-actions-done">
        {done === 'resolved' ? t('ticket.resolved', { number: ticket.number }) : done === 'open' ? t('ticket.reopened', { number: ticket.number }) : ''}
      </p>
      {change.isError && !isAsking && (
        <Alert title={t('ticket.notChanged')}>{isConflict(change.error) ? t('ticket.changedMeanwhile') : change.error.message}</Alert>
      )}
      {isAsking && (
        <ConfirmDialog
          title={t('ticket.resolveTitle', { number: ticket.number })}
          confirmLabel={t('ticket.resolve')}
          isBusy={change.isPending}
          error={dialogError}
          onConfirm={() => run({ to: 'resolved', ...(words.trim() ? { resolution: words.trim() } : {}) })}
          onCancel={() => { setIsAsking(false); change.reset(); }}
        >
          <p>{t('ticket.resolveText')}</p>
          <TextAreaField label={t('ticket.resolveWords')} rows={3} value={words} maxLength={limits.reasonMax} error={wordsError}
            onChange={(e) => setWords(e.target.value)} />
        </ConfirmDialog>
      )}
    </div>
  );
}
