import { useTranslation } from 'react-i18next';
import { Alert } from '../components/ui/alert.tsx';
import { Button } from '../components/ui/button.tsx';
import { CenteredPanel } from '../components/ui/centered-panel.tsx';

/** Shown when the data a whole page depends on could not be loaded. */
export function ErrorScreen({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : t('app.somethingWrong');
  return (
    <CenteredPanel title={t('app.unavailable')}>
      <div className="form">
        <Alert>{message}</Alert>
        {onRetry && (
          <Button type="button" variant="secondary" onClick={onRetry}>
            {t('action.tryAgain')}
          </Button>
        )}
      </div>
    </CenteredPanel>
  );
}
