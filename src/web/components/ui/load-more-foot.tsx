import { useTranslation } from 'react-i18next';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';

/** What a paged list's foot needs of its infinite query. */
interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: Error | null;
  fetchNextPage: () => Promise<unknown>;
}

/** A paged list's foot: "Load more" while the server has more, and the failure of the last attempt. */
export function LoadMoreFoot({ query, failed }: { query: PagedQuery; failed: (message: string) => string }) {
  const { t } = useTranslation('common');
  return (
    <>
      {query.hasNextPage && (
        <div className="panel-foot">
          <Button variant="secondary" isBusy={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('action.loadMore')}
          </Button>
        </div>
      )}
      {query.isFetchNextPageError && (
        <div className="panel-foot">
          <Alert>{failed(query.error?.message ?? '')}</Alert>
        </div>
      )}
    </>
  );
}
