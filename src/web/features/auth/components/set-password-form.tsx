import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AgentLinkInfo } from '../../../../contract/admin.ts';
import { limits } from '../../../../contract/limits.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CenteredPanel } from '../../../components/ui/centered-panel.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useAcceptAgentLink } from '../api/accept-agent-link.ts';
import { LinkProblem, TooManyTries } from './link-problem.tsx';
import { checkNewPassword, linkFailure, passwordErrors } from './set-password.ts';

/** The greeting of a live link and its form: the new password twice; once set, the agent is signed in and on the tickets. */
export function SetPasswordForm({ token, info }: { token: string; info: AgentLinkInfo }) {
  const { t } = useTranslation(['auth', 'common']);
  const navigate = useNavigate();
  const accept = useAcceptAgentLink();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const failure = accept.isError ? linkFailure(accept.error) : null;
  // Spent meanwhile (another tab, or it expired while the page was open): the form is of no more use.
  if (failure === 'spent') return <LinkProblem title={t('setPassword.spentTitle')} text={t('setPassword.spentText')} />;

  const isInvitation = info.purpose === 'invitation';
  const title = isInvitation ? t('setPassword.welcomeTitle', { name: info.name }) : t('setPassword.resetTitle');
  const intro = isInvitation ? t('setPassword.welcomeIntro', { workspace: info.workspace.name }) : t('setPassword.resetIntro', { name: info.name, workspace: info.workspace.name });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkNewPassword(password, repeat);
    setErrors(found);
    accept.reset();
    if (Object.keys(found).length) return setRefusals((n) => n + 1);
    accept.mutate(
      { token, password },
      {
        onSuccess: () => void navigate('/tickets', { replace: true }),
        onError: (error) => {
          const placed = passwordErrors(error);
          setErrors(placed);
          if (Object.keys(placed).length) setRefusals((n) => n + 1);
        },
      },
    );
  };

  return (
    <CenteredPanel title={title} intro={intro}>
      <title>{t('common:app.titleSuffix', { title: t('setPassword.pageTitle') })}</title>
      <form ref={form} className="form" onSubmit={submit} noValidate>
        {failure === 'tooMany' && <TooManyTries key={accept.submittedAt} error={accept.error} />}
        {failure === 'other' && !errors.password && <Alert title={t('setPassword.failed')}>{accept.error?.message}</Alert>}
        <TextField label={t('setPassword.email')} name="email" type="email" value={info.email} autoComplete="username" readOnly className="set-password-email" />
        <TextField
          label={t('setPassword.password')}
          name="password"
          type="password"
          value={password}
          autoFocus
          autoComplete="new-password"
          maxLength={limits.passwordMax}
          hint={t('setPassword.passwordHint', { count: limits.passwordMin })}
          error={errors.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <TextField
          label={t('setPassword.repeat')}
          name="repeat"
          type="password"
          value={repeat}
          autoComplete="new-password"
          maxLength={limits.passwordMax}
          error={errors.repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
        <Button type="submit" size="lg" isBusy={accept.isPending || accept.isSuccess}>
          {t('setPassword.submit')}
        </Button>
      </form>
    </CenteredPanel>
  );
}
