import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';

/**
 * A modal question with Cancel and one confirming answer. Escape and Cancel close it; focus goes
 * back to what opened it.
 */
export function ConfirmDialog({ title, confirmLabel, isBusy = false, error, onConfirm, onCancel, children }: {
  title: string;
  confirmLabel: string;
  isBusy?: boolean;
  error?: { title: string; message: string } | null;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation('common');
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.showModal();
    return () => opener?.focus();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <form className="form" onSubmit={(e) => { e.preventDefault(); onConfirm(); }} noValidate>
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
        {error && <Alert title={error.title}>{error.message}</Alert>}
        <div className="dialog-actions">
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" isBusy={isBusy}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
