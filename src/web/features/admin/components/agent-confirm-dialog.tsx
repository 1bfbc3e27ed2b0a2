import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';

interface AgentConfirmDialogProps {
  title: string;
  /** What the action does, in paragraphs (with links where there is more to do). */
  children: ReactNode;
  confirmLabel: string;
  isBusy: boolean;
  /** Why the action was refused, shown in the dialog so it can be read and tried again. */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before deactivating, reactivating or mailing a password link. Unlike ConfirmDialog its text
 * may hold a link (to the tickets to reassign); Cancel has the focus, so Enter does no harm.
 */
export function AgentConfirmDialog({ title, children, confirmLabel, isBusy, error, onConfirm, onCancel }: AgentConfirmDialogProps) {
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
      className="dialog confirm-dialog agent-confirm-dialog"
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
        <div id={`${id}-text`} className="agent-confirm-text">
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
