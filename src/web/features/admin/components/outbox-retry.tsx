import { useTranslation } from 'react-i18next';
import { type OutboxMailDetail, outboxStatuses, type OutboxStatusName } from '../../../../contract/mail.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { currentLocale } from '../../../i18n/languages.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { useRetryOutboxMail } from '../api/retry-outbox-mail.ts';
import { canRetry } from '../outbox-filter.ts';

/** The status a 409 says the mail is in now. */
function conflictStatus(error: unknown): OutboxStatusName | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const status = (error.details as { status?: unknown } | undefined)?.status;
  return (outboxStatuses as readonly unknown[]).includes(status) ? (status as OutboxStatusName) : null;
}

/** Retry for a failed or kept mail, and what came of it; a mail that moved on meanwhile (409) says where it is. */
export function OutboxRetry({ mail }: { mail: Pick<OutboxMailDetail, 'id' | 'status'> }) {
  const { t } = useTranslation('admin');
  const retry = useRetryOutboxMail(mail.id);
  const conflict = retry.isError ? conflictStatus(retry.error) : null;
  const isConflict = retry.error instanceof ApiError && retry.error.status === 409;
  return (
    <div className="mail-retry">
      {canRetry(mail.status) && (
        <>
          <Button variant="primary" isBusy={retry.isPending} onClick={() => retry.mutate()} aria-describedby="mail-retry-hint">
            {t('mail.retry')}
          </Button>
          <p id="mail-retry-hint" className="field-hint">
            {mail.status === 'failed' ? t('mail.retryHintFailed') : t('mail.retryHintKept')}
          </p>
        </>
      )}
      {retry.isSuccess && <Alert tone="info">{t('mail.retried')}</Alert>}
      {retry.isError && (
        <Alert>
          {isConflict
            ? t('mail.retryConflict', { status: conflict ? t(`mailStatus.${conflict}`).toLocaleLowerCase(currentLocale()) : retry.error.message })
            : t('mail.retryFailed', { message: retry.error.message })}
        </Alert>
      )}
    </div>
  );
}
