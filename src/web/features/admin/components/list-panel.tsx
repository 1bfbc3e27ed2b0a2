import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';

interface ListPanelProps<D> {
  /** The id of the panel's title, which names the panel. */
  id: string;
  title: string;
  /** Beside the title: how many there are, when they were read. */
  meta?: string;
  list: UseQueryResult<D>;
  loadFailed: string;
  /** Said in place of a list without items. */
  empty?: { title: string; text: string };
  /** The list, once read. */
  children: (data: D) => ReactNode;
}

/** A panel showing a list read from the server: a spinner until it is read, a failure with Try again, or the empty state. */
export function ListPanel<D extends { items: readonly unknown[] }>({ id, title, meta, list, loadFailed, empty, children }: ListPanelProps<D>) {
  const { t } = useTranslation('common');
  return (
    <section className="panel" aria-labelledby={id} aria-busy={list.isFetching || undefined}>
      <div className="panel-head">
        <h2 id={id} className="panel-title">
          {title}
        </h2>
        {meta && <span className="panel-meta">{meta}</span>}
      </div>
      {list.isError && !list.data ? (
        <div className="panel-body">
          <RetryAlert title={loadFailed} error={list.error} onRetry={() => void list.refetch()} />
        </div>
      ) : !list.data ? (
        <div className="panel-body panel-loading">
          <Spinner label={t('app.loading')} />
        </div>
      ) : empty && list.data.items.length === 0 ? (
        <div className="empty-state">
          <h3>{empty.title}</h3>
          <p>{empty.text}</p>
        </div>
      ) : (
        children(list.data)
      )}
    </section>
  );
}
