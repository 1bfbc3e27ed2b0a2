import { Alert } from '../components/ui/alert.tsx';
import { Button } from '../components/ui/button.tsx';
import { CenteredPanel } from '../components/ui/centered-panel.tsx';

/** Shown when the data a whole page depends on could not be loaded. */
export function ErrorScreen({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <CenteredPanel title="Caredesk is not available">
      <div className="form">
        <Alert>{message}</Alert>
        {onRetry && (
          <Button type="button" variant="secondary" onClick={onRetry}>
            Try again
          </Button>
        )}
      </div>
    </CenteredPanel>
  );
}
