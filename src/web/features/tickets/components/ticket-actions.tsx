import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { moves } from '../../../../contract/lifecycle.ts';
import type { Status, Ticket, TransitionBody } from '../../../../contract/tickets.ts';
import { resolutionKinds, waitingOn } from '../../../../contract/tickets.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors, isConflict } from '../../../lib/api-client.ts';
import { useTransitionTicket } from '../api/change-ticket.ts';
import { ConflictNotice } from './conflict-notice.tsx';

type Move = { to: Status; label: string; ask?: 'hold' | 'resolve' | 'close' };

function movesFor(t: Ticket, tr: TFunction<'ticket'>): Move[] {
  return moves[t.status].map((to): Move => {
    switch (to) {
      case 'open':
        return { to, label: tr(t.status === 'new' ? 'actions.open' : t.status === 'pending' ? 'actions.resume' : 'actions.reopen') };
      case 'pending':
        return { to, label: tr('actions.hold'), ask: 'hold' };
      case 'resolved':
        return { to, label: tr('actions.resolve'), ask: 'resolve' };
      case 'closed':
        return { to, label: tr(t.status === 'new' ? 'actions.reject' : 'actions.close'), ask: 'close' };
      default:
        return { to, label: to };
    }
  });
}

/** The lifecycle moves open to an agent from the ticket's status; those that need words ask for them. */
export function TicketActions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('ticket');
  const transition = useTransitionTicket(ticket.number);
  const [asking, setAsking] = useState<Move | null>(null);
  const [seen, setSeen] = useState<Ticket | null>(null);

  const run = (body: TransitionBody, onDone?: () => void) => {
    setSeen(null);
    transition.mutate(
      { version: ticket.version, body },
      {
        onSuccess: () => onDone?.(),
        onError: (error) => {
          if (isConflict(error)) {
            setSeen(ticket);
            onDone?.();
          }
        },
      },
    );
  };

  return (
    <div className="ticket-actions">
      <div className="ticket-actions-buttons" role="group" aria-label={t('actions.lifecycle')}>
        {movesFor(ticket, t).map((m) => (
          <Button
            key={m.to}
            variant={m.to === 'resolved' ? 'primary' : 'secondary'}
            isBusy={transition.isPending && transition.variables?.body.to === m.to && !asking}
            onClick={() => (m.ask ? setAsking(m) : run({ to: m.to }))}
          >
            {m.label}
          </Button>
        ))}
      </div>
      {seen && transition.error && <ConflictNotice seen={seen} current={ticket} message={transition.error.message} onDismiss={() => setSeen(null)} />}
      {transition.isError && !seen && !asking && <Alert title={t('actions.notMoved')}>{transition.error.message}</Alert>}
      {asking && (
        <MoveDialog move={asking} ticket={ticket} error={transition.error} isBusy={transition.isPending} onCancel={() => { setAsking(null); transition.reset(); }}
          onSubmit={(body) => run(body, () => setAsking(null))} />
      )}
    </div>
  );
}

// The resolution starts with the preset's words and names its kind: "collect" tells the customer their product is ready.
const resolutionPresets = resolutionKinds;

function MoveDialog({ move, ticket, error, isBusy, onCancel, onSubmit }: {
  move: Move; ticket: Ticket; error: Error | null; isBusy: boolean; onCancel: () => void; onSubmit: (body: TransitionBody) => void;
}) {
  const { t } = useTranslation(['ticket', 'common']);
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [waiting, setWaiting] = useState<(typeof waitingOn)[number]>('customer');
  const [remind, setRemind] = useState('');
  const [preset, setPreset] = useState<(typeof resolutionPresets)[number]>('collect');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => dialog.current?.showModal(), []);
  const serverErrors = fieldErrors(error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (move.ask === 'hold') {
      if (!reason.trim()) return setErrors({ reason: t('actions.reasonRequired') });
      const until = remind ? new Date(remind) : null;
      if (until && until.getTime() <= Date.now()) return setErrors({ pending_until: t('actions.remindFuture') });
      onSubmit({ to: 'pending', reason: reason.trim(), waiting_on: waiting, ...(until ? { pending_until: until.toISOString() } : {}) });
    } else if (move.ask === 'resolve') {
      const text = preset === 'other' ? notes.trim() : [t(`actions.preset.${preset}`), notes.trim()].filter(Boolean).join(': ');
      if (!text) return setErrors({ resolution: t('actions.resolutionRequired') });
      onSubmit({ to: 'resolved', resolution: text, resolution_kind: preset });
    } else {
      const rejecting = ticket.status === 'new';
      onSubmit({ to: 'closed', ...(rejecting ? { close_reason: 'rejected' } : {}), ...(notes.trim() ? { resolution: notes.trim() } : {}) });
    }
  };
  const title =
    move.ask === 'hold'
      ? t('actions.holdTitle', { number: ticket.number })
      : move.ask === 'resolve'
        ? t('actions.resolveTitle', { number: ticket.number })
        : t('actions.moveTitle', { move: move.label, number: ticket.number });
  let body: ReactNode;
  if (move.ask === 'hold') {
    body = (
      <>
        <TextField label={t('actions.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason ?? serverErrors.reason} autoFocus maxLength={2000} />
        <SelectField label={t('actions.waitingOn')} value={waiting} onChange={(e) => setWaiting(e.target.value as typeof waiting)} options={waitingOn.map((w) => ({ value: w, label: t(`actions.waiting.${w}`) }))} />
        <TextField label={t('actions.remind')} type="datetime-local" value={remind} onChange={(e) => setRemind(e.target.value)} error={errors.pending_until ?? serverErrors.pending_until}
          hint={t('actions.remindHint')} />
      </>
    );
  } else if (move.ask === 'resolve') {
    body = (
      <>
        <SelectField label={t('actions.resolution')} value={preset} onChange={(e) => setPreset(e.target.value as typeof preset)} options={resolutionPresets.map((p) => ({ value: p, label: t(`actions.preset.${p}`) }))}
          hint={preset === 'collect' ? t('actions.collectHint') : undefined} />
        <TextField label={preset === 'other' ? t('actions.describe') : t('actions.details')} value={notes} onChange={(e) => setNotes(e.target.value)}
          error={errors.resolution ?? serverErrors.resolution} maxLength={1900} />
      </>
    );
  } else {
    body = <TextField label={ticket.status === 'new' ? t('actions.rejectWhy') : t('actions.closingNote')} value={notes} onChange={(e) => setNotes(e.target.value)} autoFocus maxLength={2000} />;
  }
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="move-dialog-title" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="move-dialog-title" className="dialog-title">{title}</h2>
        {body}
        {error && !isConflict(error) && Object.keys(serverErrors).length === 0 && <Alert title={t('actions.notMoved')}>{error.message}</Alert>}
        <div className="dialog-actions">
          <Button type="button" variant="secondary" onClick={onCancel}>{t('common:action.cancel')}</Button>
          <Button type="submit" isBusy={isBusy}>{move.label}</Button>
        </div>
      </form>
    </dialog>
  );
}
