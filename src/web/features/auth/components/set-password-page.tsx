import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { CenteredPanel } from '../../../components/ui/centered-panel.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { useAgentLink } from '../api/read-agent-link.ts';
import { LinkProblem, TooManyTries } from './link-problem.tsx';
import { linkFailure, tokenFromHash } from './set-password.ts';
import { SetPasswordForm } from './set-password-form.tsx';
import './set-password.css';

/**
 * Where an invitation or password-reset link leads (`/set-password#<token>`), signed out: it greets
 * the agent, who chooses a password and is signed in. The token is read from the fragment once and
 * cleared from the address bar at once, so it is not left on screen or in the browser's history.
 */
export function SetPasswordPage() {
  const { t } = useTranslation(['auth', 'common']);
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => tokenFromHash(location.hash));
  const link = useAgentLink(token);
  useEffect(() => {
    if (location.hash) void navigate({ pathname: location.pathname, search: location.search, hash: '' }, { replace: true, state: location.state });
  }, [location, navigate]);

  if (token === null) return <LinkProblem title={t('setPassword.missingTitle')} text={t('setPassword.missingText')} />;
  if (link.isError) {
    const failure = linkFailure(link.error);
    if (failure === 'spent') return <LinkProblem title={t('setPassword.spentTitle')} text={t('setPassword.spentText')} />;
    return (
      <CenteredPanel title={t('setPassword.pageTitle')}>
        <title>{t('common:app.titleSuffix', { title: t('setPassword.pageTitle') })}</title>
        {failure === 'tooMany' ? (
          <TooManyTries key={link.errorUpdatedAt} error={link.error} onRetry={() => void link.refetch()} />
        ) : (
          <RetryAlert title={t('setPassword.couldNot')} error={link.error} onRetry={() => void link.refetch()} />
        )}
      </CenteredPanel>
    );
  }
  if (!link.data) {
    return (
      <CenteredPanel title={t('setPassword.pageTitle')}>
        <title>{t('common:app.titleSuffix', { title: t('setPassword.pageTitle') })}</title>
        <p className="set-password-checking">
          <Spinner size="sm" /> {t('setPassword.checking')}
        </p>
      </CenteredPanel>
    );
  }
  return <SetPasswordForm token={token} info={link.data} />;
}
