import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './alert.tsx';

interface FormDialogProps {
  title: string;
  isBusy: boolean;
  /** Why saving failed, beyond what the fields show. */
  error: string | null;
  /** A short confirmation such as "Saved.", read out when it appears. */
  notice?: string | null;
  onSubmit: (submitter: string | undefined) => void;
  onClose: () => void;
  /** The buttons beside Cancel; a submit button's `value` reaches onSubmit. */
  actions: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A modal form: Escape and Cancel close it unless it is saving; the first field has the focus. */
export function FormDialog({ title, isBusy, error, notice, onSubmit, onClose, actions, children, className }: FormDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    dialog.current?.showModal();
    dialog.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onSubmit(((e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value || undefined);
  };
  return (
    <dialog
      ref={dialog}
      className={['dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!isBusy) onClose();
      }}
    >
      <form className="form" noValidate onSubmit={submit}>
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
        {error && <Alert>{error}</Alert>}
        <p role="status" className="form-notice">
          {notice}
        </p>
        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary btn-md" disabled={isBusy} onClick={onClose}>
            {t('action.cancel')}
          </button>
          {actions}
        </div>
      </form>
    </dialog>
  );
}
