import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { type BulkOutcome, summarizeBulk } from '../dashboard-bulk.ts';

/** What a bulk change did: how many went through, and each refusal with the server's reason. */
export function DashboardBulkResult({ outcome, onDismiss }: { outcome: BulkOutcome; onDismiss: () => void }) {
  const hasFailures = outcome.failed.length > 0;
  return (
    <div className="dash-bulk-result">
      <Alert tone={hasFailures ? 'error' : 'info'} title={summarizeBulk(outcome)}>
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
            <p>The failed tickets stay selected, with what they hold now, to try again.</p>
          </>
        )}
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      </Alert>
    </div>
  );
}
