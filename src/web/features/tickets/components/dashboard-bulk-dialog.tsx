import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type TransitionBody, waitingOn } from '../../../../contract/tickets.ts';
import { limits } from '../../../../contract/limits.ts';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';

const waitingLabels: Record<(typeof waitingOn)[number], string> = { customer: 'The customer', third_party: 'A third party (supplier, courier…)', internal: 'Someone in our team' };

interface BulkMoveDialogProps {
  to: 'pending' | 'resolved';
  count: number;
  onCancel: () => void;
  onSubmit: (body: TransitionBody) => void;
}

/** Asks what a hold or a resolution of several tickets needs: one reason, or one resolution, for them all. */
export function DashboardBulkDialog({ to, count, onCancel, onSubmit }: BulkMoveDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [waiting, setWaiting] = useState<(typeof waitingOn)[number]>('customer');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => dialog.current?.showModal(), []);

  const type = (value: string) => {
    setText(value);
    setError(undefined);
  };
  const tickets = `${count} ticket${count === 1 ? '' : 's'}`;
  const isHold = to === 'pending';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = text.trim();
    if (!value) return setError(isHold ? 'Required: say why the tickets wait' : 'Required: describe the resolution');
    onSubmit(isHold ? { to, reason: value, waiting_on: waiting } : { to, resolution: value });
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="bulk-dialog-title" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="bulk-dialog-title" className="dialog-title">
          {isHold ? `Put ${tickets} on hold` : `Resolve ${tickets}`}
        </h2>
        {isHold ? (
          <>
            <TextField label="Reason" value={text} onChange={(e) => type(e.target.value)} error={error} autoFocus maxLength={limits.reasonMax} />
            <SelectField label="Waiting on" value={waiting} onChange={(e) => setWaiting(e.target.value as typeof waiting)} options={waitingOn.map((w) => ({ value: w, label: waitingLabels[w] }))} />
          </>
        ) : (
          <TextField label="Resolution" value={text} onChange={(e) => type(e.target.value)} error={error} autoFocus maxLength={limits.reasonMax} hint="Told to each customer, e.g. Refund issued." />
        )}
        <div className="dialog-actions">
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit">{isHold ? 'On hold' : 'Resolve'}</Button>
        </div>
      </form>
    </dialog>
  );
}
