import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';

interface ConfirmDialogProps {
  title: string;
  /** What the action does: a sentence, or paragraphs given as children (with links where there is more to do). */
  text?: string;
  children?: ReactNode;
  confirmLabel: string;
  isBusy: boolean;
  /** Why the action failed, shown in the dialog so it can be tried again. */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before an action that cannot be undone; Cancel has the focus, so Enter does no harm. */
export function ConfirmDialog({ title, text, children, confirmLabel, isBusy, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    cancel.current?.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(e) => {
        e.preventDefault();
        if (!isBusy) onCancel();
      }}
    >
      <div className="form">
        <h2 id={`${id}-title`} className="dialog-title">
          {title}
        </h2>
        <div id={`${id}-text`} className="confirm-dialog-text">
          {text !== undefined && <p>{text}</p>}
          {children}
        </div>
        {error && <Alert>{error}</Alert>}
        <div className="dialog-actions">
          <button ref={cancel} type="button" className="btn btn-secondary btn-md" disabled={isBusy} onClick={onCancel}>
            {t('action.cancel')}
          </button>
          <Button type="button" isBusy={isBusy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
