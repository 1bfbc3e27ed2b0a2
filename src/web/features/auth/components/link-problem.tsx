import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { CenteredPanel } from '../../../components/ui/centered-panel.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useCountdown } from '../../../lib/use-countdown.ts';

/** The page frame of a link that cannot be used: what happened, and the way to sign in. */
export function LinkProblem({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation(['auth', 'common']);
  return (
    <CenteredPanel title={title} intro={text}>
      <title>{t('common:app.titleSuffix', { title })}</title>
      <div className="form">
        <Link to="/sign-in" className="btn btn-secondary btn-lg">
          {t('setPassword.goSignIn')}
        </Link>
      </div>
    </CenteredPanel>
  );
}

/** Too many tries from this address (429): how long to wait, then a way to try again. */
export function TooManyTries({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation(['auth', 'common']);
  const [until] = useState(() => (error instanceof ApiError && error.retryAfter ? Date.now() + error.retryAfter * 1000 : null));
  const seconds = useCountdown(until);
  return (
    <Alert title={t('setPassword.tooManyTitle')}>
      {seconds > 0 ? t('signIn.wait', { count: seconds }) : until !== null ? t('signIn.canRetry') : t('setPassword.tooManyText')}{' '}
      {onRetry && seconds === 0 && (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('common:action.tryAgain')}
        </button>
      )}
    </Alert>
  );
}
