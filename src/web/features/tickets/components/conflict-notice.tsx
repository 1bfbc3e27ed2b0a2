import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../contract/tickets.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { describeTicketChanges, type Word } from '../ticket-changes.ts';

/**
 * Shown when a change was refused because someone else changed the ticket first (412 or 409):
 * what changed since the agent read it, so nothing is silently overwritten.
 */
export function ConflictNotice({ seen, current, message, onDismiss }: { seen: Ticket; current: Ticket; message: string; onDismiss: () => void }) {
  const { t } = useTranslation(['ticket', 'common']);
  // Keys come from describeTicketChanges, which only names keys of these two dictionaries.
  const say = (w: Word) => ('text' in w ? w.text : (t as (key: string) => string)(w.key));
  const changes = current.version === seen.version ? [] : describeTicketChanges(seen, current);
  return (
    <Alert title={t('conflict.title')}>
      <p>{message}</p>
      {current.version === seen.version ? (
        <p>{t('conflict.loading')}</p>
      ) : changes.length ? (
        <ul className="conflict-changes">
          {changes.map((c) => (
            <li key={c.label}>
              {say({ key: c.label })}: <s>{say(c.before)}</s> → <strong>{say(c.after)}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('conflict.latest')}</p>
      )}
      <p>{t('conflict.review')}</p>
      <button type="button" className="link-button" onClick={onDismiss}>
        {t('common:action.dismiss')}
      </button>
    </Alert>
  );
}
