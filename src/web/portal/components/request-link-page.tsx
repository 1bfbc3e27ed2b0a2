import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { limits } from '../../../contract/limits.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { ApiError, fieldErrors } from '../../lib/api-client.ts';
import { useCountdown } from '../../lib/use-countdown.ts';
import { useRequestLink } from '../api/request-link.ts';
import { usePortal } from '../app/portal-context.ts';
import { looksLikeEmail } from '../lib/email.ts';
import { useWaitWords } from '../lib/wait.ts';
import { PortalTitle } from './portal-title.tsx';

/**
 * Sign-in by email: the customer asks for a one-time link. The answer never tells whether the
 * address is registered. `expired`: they came back from a link that no longer works.
 */
export function RequestLinkPage({ expired = false }: { expired?: boolean }) {
  const { t } = useTranslation(['portal', 'common']);
  const { ws, config } = usePortal();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(() => params.get('email') ?? '');
  const [error, setError] = useState<string | undefined>();
  const [isSent, setIsSent] = useState(false);
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const secondsBlocked = useCountdown(blockedUntil);
  const waitWords = useWaitWords();
  const request = useRequestLink(ws);
  const failure = request.error instanceof ApiError ? request.error : null;
  const isRateLimited = failure?.status === 429;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    const problem = !address ? t('common:validation.required') : !looksLikeEmail(address) ? t('common:validation.email') : undefined;
    setError(problem);
    setIsSent(false);
    request.reset();
    if (problem) return;
    request.mutate(address, {
      onSuccess: () => setIsSent(true),
      onError: (err) => {
        setError(fieldErrors(err).email);
        if (err instanceof ApiError && err.status === 429) setBlockedUntil(Date.now() + (err.retryAfter ?? 60) * 1000);
      },
    });
  };
  const formError = request.error && !fieldErrors(request.error).email ? request.error : null;

  return (
    <div className="portal-narrow">
      <PortalTitle title={expired ? t('signIn.expiredTitle') : t('signIn.title')} />
      <section className="card">
        <h1 className="card-title">{t('signIn.title')}</h1>
        <p className="card-intro">{t('signIn.intro', { workspace: config.workspace.name })}</p>
        <form className="form" onSubmit={submit} noValidate>
          {expired && !isSent && (
            <Alert tone="info" title={t('signIn.expiredTitle')}>
              {t('signIn.expired')}
            </Alert>
          )}
          {isSent && (
            <Alert tone="info" title={t('signIn.sentTitle')}>
              {t('signIn.sent')}
            </Alert>
          )}
          {formError && (
            <Alert title={isRateLimited ? t('signIn.tooMany') : t('signIn.failed')}>
              {!isRateLimited ? formError.message : secondsBlocked > 0 ? t('signIn.wait', { time: waitWords(secondsBlocked) }) : t('signIn.canRetry')}
            </Alert>
          )}
          <TextField
            label={t('signIn.email')}
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            autoFocus
            maxLength={limits.emailMax}
            value={email}
            error={error}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Button type="submit" size="lg" isBusy={request.isPending} disabled={secondsBlocked > 0}>
            {secondsBlocked > 0 ? t('signIn.retryIn', { time: waitWords(secondsBlocked) }) : t('signIn.submit')}
          </Button>
        </form>
      </section>
      <p className="portal-aside">
        {t('signIn.noTicket')} <Link to={`/portal/${ws}/new`}>{t('frame.submitRequest')}</Link>
      </p>
    </div>
  );
}
