import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TransitionBody, waitingOn } from '../../../../contract/tickets.ts';
import { limits } from '../../../../contract/limits.ts';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { bulkMoveLabel } from '../dashboard-bulk.ts';

interface BulkMoveDialogProps {
  to: 'pending' | 'resolved';
  count: number;
  onCancel: () => void;
  onSubmit: (body: TransitionBody) => void;
}

/** Asks what a hold or a resolution of several tickets needs: one reason, or one resolution, for them all. */
export function DashboardBulkDialog({ to, count, onCancel, onSubmit }: BulkMoveDialogProps) {
  const { t } = useTranslation(['dashboard', 'common']);
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [waiting, setWaiting] = useState<(typeof waitingOn)[number]>('customer');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => dialog.current?.showModal(), []);

  const type = (value: string) => {
    setText(value);
    setError(undefined);
  };
  const isHold = to === 'pending';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = text.trim();
    if (!value) return setError(isHold ? t('bulk.reasonRequired') : t('bulk.resolutionRequired'));
    onSubmit(isHold ? { to, reason: value, waiting_on: waiting } : { to, resolution: value });
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="bulk-dialog-title" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="bulk-dialog-title" className="dialog-title">
          {isHold ? t('bulk.holdTitle', { count }) : t('bulk.resolveTitle', { count })}
        </h2>
        {isHold ? (
          <>
            <TextField label={t('bulk.reason')} value={text} onChange={(e) => type(e.target.value)} error={error} autoFocus maxLength={limits.reasonMax} />
            <SelectField label={t('bulk.waitingOn')} value={waiting} onChange={(e) => setWaiting(e.target.value as typeof waiting)} options={waitingOn.map((w) => ({ value: w, label: t(`bulk.waiting.${w}`) }))} />
          </>
        ) : (
          <TextField label={t('bulk.resolution')} value={text} onChange={(e) => type(e.target.value)} error={error} autoFocus maxLength={limits.reasonMax} hint={t('bulk.resolutionHint')} />
        )}
        <div className="dialog-actions">
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('common:action.cancel')}
          </Button>
          <Button type="submit">{bulkMoveLabel(to, t)}</Button>
        </div>
      </form>
    </dialog>
  );
}
