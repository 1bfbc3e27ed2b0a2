import { Trans, useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../contract/tickets.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';

interface TicketsTableFootProps {
  count: number;
  /** The row the keyboard highlights, announced to screen readers. */
  highlighted: Pick<Ticket, 'number' | 'subject'> | null;
  isHighlightedSelected: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
  /** Why the next page did not come, if it did not. */
  loadMoreError: string | null;
}

/** Under a ticket table: the keys that work on it, what the keyboard has highlighted, and Load more. */
export function TicketsTableFoot({ count, highlighted, isHighlightedSelected, hasNextPage, isFetchingNextPage, onLoadMore, loadMoreError }: TicketsTableFootProps) {
  const { t } = useTranslation(['dashboard', 'common']);
  return (
    <>
      {count > 0 && (
        <p className="dash-keys">
          <Trans t={t} i18nKey="keysHint" components={{ kbd: <kbd /> }} />
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {highlighted ? t(isHighlightedSelected ? 'highlightedSelected' : 'highlighted', { number: highlighted.number, subject: highlighted.subject }) : ''}
      </p>
      {hasNextPage && (
        <div className="panel-foot">
          <Button variant="secondary" isBusy={isFetchingNextPage} onClick={onLoadMore}>
            {t('common:action.loadMore')}
          </Button>
        </div>
      )}
      {loadMoreError !== null && (
        <div className="panel-foot">
          <Alert>{t('moreFailed', { message: loadMoreError })}</Alert>
        </div>
      )}
    </>
  );
}
