import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { loginBody } from '../../../../contract/auth.ts';
import { limits } from '../../../../contract/limits.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CenteredPanel } from '../../../components/ui/centered-panel.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ApiError, fieldErrors } from '../../../lib/api-client.ts';
import { useCountdown } from '../../../lib/use-countdown.ts';
import { validate } from '../../../lib/validation.ts';
import { useSignIn } from '../api/sign-in.ts';
import { returnPath } from './return-path.ts';

/** Agent sign-in; afterwards the agent goes back to the page that sent them here. */
export function SignInPage() {
  const { t } = useTranslation(['auth', 'common']);
  const navigate = useNavigate();
  const location = useLocation();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [workspace, setWorkspace] = useState('');
  const [isWorkspaceShown, setIsWorkspaceShown] = useState(false);
  // The slugs the server lists when the email belongs to agents of several workspaces.
  const [workspaceChoices, setWorkspaceChoices] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const secondsBlocked = useCountdown(blockedUntil);

  const failure = signIn.error instanceof ApiError ? signIn.error : null;
  const isPlaced = Object.keys(fieldErrors(signIn.error)).some((field) => ['email', 'password', 'workspace'].includes(field));
  // A "which workspace?" refusal is answered by the workspace choice below, not by an alert.
  const formError = signIn.error && !isPlaced && !workspacesIn(signIn.error) ? signIn.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { email: email.trim(), password, ...(workspace.trim() ? { workspace: workspace.trim() } : {}) };
    const checked = validate(loginBody, body);
    setErrors(checked.errors ?? {});
    signIn.reset();
    if (!checked.data) return;
    signIn.mutate(body, {
      onSuccess: () => navigate(returnPath(location.state), { replace: true }),
      onError: (error) => {
        setErrors(fieldErrors(error));
        if (error instanceof ApiError && error.retryAfter) setBlockedUntil(Date.now() + error.retryAfter * 1000);
        const choices = workspacesIn(error);
        if (choices) {
          setWorkspaceChoices(choices);
          setWorkspace(choices[0] ?? '');
          setIsWorkspaceShown(true);
        }
      },
    });
  };

  return (
    <CenteredPanel title={t('signIn.title')} intro={t('signIn.intro')}>
      <title>{t('common:app.titleSuffix', { title: t('signIn.title') })}</title>
      <form className="form" onSubmit={submit} noValidate>
        {formError && (
          <Alert title={failure?.status === 401 ? t('signIn.failed') : failure?.status === 429 ? t('signIn.tooMany') : t('signIn.couldNot')}>
            {failure?.status !== 429 ? formError.message : secondsBlocked > 0 ? t('signIn.wait', { count: secondsBlocked }) : t('signIn.canRetry')}
          </Alert>
        )}
        <TextField label={t('signIn.email')} name="email" type="email" value={email} autoFocus autoComplete="username" maxLength={limits.emailMax}
          error={errors.email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label={t('signIn.password')} name="password" type="password" value={password} autoComplete="current-password" maxLength={limits.passwordMax}
          error={errors.password} onChange={(e) => setPassword(e.target.value)} />
        {workspaceChoices ? (
          <SelectField label={t('signIn.workspace')} name="workspace" value={workspace} onChange={(e) => setWorkspace(e.target.value)}
            options={workspaceChoices.map((slug) => ({ value: slug, label: slug }))} error={errors.workspace}
            hint={t('signIn.chooseWorkspace')} />
        ) : isWorkspaceShown ? (
          <TextField label={t('signIn.workspace')} name="workspace" value={workspace} autoCapitalize="none" spellCheck={false} maxLength={40}
 hint={t('signIn.workspaceHint')} error={errors.workspace} onChange={(e) => setWorkspace(e.target.value)} />
        ) : (
          <button type="button" className="link-button" onClick={() => setIsWorkspaceShown(true)}>
            {t('signIn.specificWorkspace')}
          </button>
        )}
        <Button type="submit" size="lg" isBusy={signIn.isPending} disabled={secondsBlocked > 0}>
          {secondsBlocked > 0 ? t('signIn.retryIn', { count: secondsBlocked }) : t('signIn.submit')}
        </Button>
      </form>
    </CenteredPanel>
  );
}

/** The workspace slugs of a "which workspace?" refusal (`details.workspaces`), if it is one. */
function workspacesIn(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return null;
  const slugs = (error.details as { workspaces?: unknown }).workspaces;
  return Array.isArray(slugs) && slugs.length > 0 && slugs.every((s) => typeof s === 'string') ? slugs : null;
}
