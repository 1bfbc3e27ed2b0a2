import { useTranslation } from 'react-i18next';
import { Alert } from './alert.tsx';

/** A failed load, said plainly, with a way to ask again. */
export function RetryAlert({ title, error, onRetry }: { title: string; error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert title={title}>
      {error.message}{' '}
      <button type="button" className="link-button" onClick={onRetry}>
        {t('action.tryAgain')}
      </button>
    </Alert>
  );
}
