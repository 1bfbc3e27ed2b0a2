import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../lib/api-client.ts';

/**
 * What the customer and customer-user forms share: the record as last saved (none yet when adding),
 * the field errors, and "Save" (stay, say it was saved) versus "Save and finish" (close).
 */
export function useRecordForm<T extends { name: string }>(initial: T | undefined, onClose: () => void, onFinished?: (saved: T) => void) {
  const { t } = useTranslation('cic');
  const [record, setRecord] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  return {
    record,
    errors,
    notice,
    setErrors,
    /** A field changed: "Saved." no longer holds. */
    touched: () => setNotice(null),
    /** The mutation's callbacks for the button that was pressed. */
    outcome: (submitter: string | undefined) => ({
      onSuccess: (saved: T) => {
        setRecord(saved);
        if (submitter === 'finish') {
          onClose();
          onFinished?.(saved);
        } else setNotice(t('form.saved', { name: saved.name }));
      },
      onError: (error: Error) => setErrors(fieldErrors(error)),
    }),
  };
}
