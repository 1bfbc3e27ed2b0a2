import type { Ticket } from '../../../../contract/tickets.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { describeTicketChanges } from '../ticket-changes.ts';

/**
 * Shown when a change was refused because someone else changed the ticket first (412 or 409):
 * what changed since the agent read it, so nothing is silently overwritten.
 */
export function ConflictNotice({ seen, current, message, onDismiss }: { seen: Ticket; current: Ticket; message: string; onDismiss: () => void }) {
  const changes = current.version === seen.version ? [] : describeTicketChanges(seen, current);
  return (
    <Alert title="Your change was not saved: the ticket changed">
      <p>{message}</p>
      {current.version === seen.version ? (
        <p>Loading the ticket as it is now…</p>
      ) : changes.length ? (
        <ul className="conflict-changes">
          {changes.map((c) => (
            <li key={c.label}>
              {c.label}: <s>{c.before}</s> → <strong>{c.after}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p>It now shows the latest version.</p>
      )}
      <p>Review the ticket and make your change again if it still applies.</p>
      <button type="button" className="link-button" onClick={onDismiss}>
        Dismiss
      </button>
    </Alert>
  );
}
