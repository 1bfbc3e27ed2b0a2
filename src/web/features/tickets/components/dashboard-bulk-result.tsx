import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { type BulkOutcome, summarizeBulk } from '../dashboard-bulk.ts';

/** What a bulk change did: how many went through, and each refusal with the server's reason. */
export function DashboardBulkResult({ outcome, onDismiss }: { outcome: BulkOutcome; onDismiss: () => void }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const hasFailures = outcome.failed.length > 0;
  return (
    <div className="dash-bulk-result">
      <Alert tone={hasFailures ? 'error' : 'info'} title={summarizeBulk(outcome, t)}>
        {hasFailures && (
          <>
            <ul className="dash-bulk-failures">
              {outcome.failed.map((f) => (
                <li key={f.number}>
                  <Link to={`/tickets/${f.number}`} className="ticket-number">
                    {f.number}
                  </Link>
                  : {f.message}
                </li>
              ))}
            </ul>
            <p>{t('bulk.failedKept')}</p>
          </>
        )}
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('common:action.dismiss')}
        </button>
      </Alert>
    </div>
  );
}
