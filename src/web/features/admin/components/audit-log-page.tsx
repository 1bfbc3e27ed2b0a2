import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadMoreFoot } from '../../../components/ui/load-more-foot.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { useAuditLog } from '../api/get-audit-log.ts';
import { isForbidden } from '../admin-access.ts';
import { auditEntities, isAuditEntity, readAuditEntity } from '../audit-entry.ts';
import { AdminOnly } from './admin-only.tsx';
import { AdminPage } from './admin-page.tsx';
import { AuditEntryRow } from './audit-entry-row.tsx';
import './service-levels.css';
import './system.css';

/** Every admin change, newest first (DESIGN.md §3, Admin): who, when, what, and each field before → after; filtered by kind in the URL. */
export function AuditLogPage() {
  const { t } = useTranslation(['admin', 'common']);
  const [params, setParams] = useSearchParams();
  const entity = readAuditEntity(params);
  const log = useAuditLog(entity);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  if (isForbidden(log.error)) return <AdminOnly />;

  const choose = (value: string) => {
    const next = new URLSearchParams(params);
    if (isAuditEntity(value)) next.set('entity', value);
    else next.delete('entity');
    setParams(next);
  };
  const options = [{ value: '', label: t('audit.everything') }, ...auditEntities.map((e) => ({ value: e, label: t(`audit.entity.${e}`) }))];

  return (
    <AdminPage title={t('audit.title')} intro={t('audit.intro')} tabTitle={entity ? `${t('audit.title')} · ${t(`audit.entity.${entity}`)}` : undefined}>
      <div className="audit-filter">
        <SelectField label={t('audit.filter')} options={options} value={entity ?? ''} onChange={(e) => choose(e.target.value)} />
      </div>
      <section className="panel" aria-labelledby="audit-list-title" aria-busy={log.isFetching || undefined}>
        <div className="panel-head">
          <h2 id="audit-list-title" className="panel-title">
            {entity ? `${t('audit.listTitle')}: ${t(`audit.entity.${entity}`)}` : t('audit.listTitle')}
          </h2>
          {log.isSuccess && items.length > 0 && <span className="panel-meta">{t(log.hasNextPage ? 'audit.shownMore' : 'audit.shown', { count: items.length })}</span>}
        </div>
        {log.isError && !log.data ? (
          <div className="panel-body">
            <RetryAlert title={t('audit.loadFailed')} error={log.error} onRetry={() => void log.refetch()} />
          </div>
        ) : !log.data ? (
          <div className="panel-body panel-loading">
            <Spinner label={t('common:app.loading')} />
          </div>
        ) : items.length === 0 ? (
          <div className="empty-state" role="status">
            <h3>{entity ? t('audit.emptyFilteredTitle') : t('audit.emptyTitle')}</h3>
            <p>{entity ? t('audit.emptyFilteredText') : t('audit.emptyText')}</p>
            {entity && <Link to={{ search: '' }}>{t('audit.showAll')}</Link>}
          </div>
        ) : (
          <div className="table-scroll">
            <table className="admin-table audit-table">
              <thead>
                <tr>
                  {(['when', 'who', 'what', 'change'] as const).map((c) => (
                    <th key={c} scope="col">
                      {t(`audit.column.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((entry) => (
                  <AuditEntryRow key={entry.id} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMoreFoot query={log} failed={(message) => t('audit.moreFailed', { message })} />
      </section>
    </AdminPage>
  );
}
