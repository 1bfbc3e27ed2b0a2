import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '../../../../contract/sla.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { useDeleteSlaPolicy } from '../api/delete-sla-policy.ts';
import { useCalendars } from '../api/get-calendars.ts';
import { useCategories } from '../api/get-categories.ts';
import { useDepartments } from '../api/get-departments.ts';
import { useSlaPolicies } from '../api/get-sla-policies.ts';
import { useOrderSlaPolicies } from '../api/order-sla-policies.ts';
import { isForbidden } from '../admin-access.ts';
import { moveId } from '../sla-policy-form.ts';
import { AdminOnly } from './admin-only.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { SlaPolicyDialog } from './sla-policy-dialog.tsx';
import { SlaPolicyTable } from './sla-policy-table.tsx';
import { useDialog } from './use-dialog.ts';
import { useMoveFocus } from './use-move-focus.ts';
import './service-levels.css';

type Open = { dialog: 'edit'; policy?: SlaPolicy } | { dialog: 'delete'; policy: SlaPolicy };

const byId = <T extends { id: number; name: string }>(items: readonly T[] | undefined) => new Map((items ?? []).map((i) => [i.id, i.name]));

/** SLA policies (DESIGN.md §3, Admin): the targets a ticket gets, from the first active policy that matches it. */
export function SlaPoliciesPage() {
  const { t } = useTranslation(['admin', 'common']);
  const policies = useSlaPolicies();
  const departments = useDepartments();
  const categories = useCategories();
  const calendars = useCalendars();
  const order = useOrderSlaPolicies();
  const remove = useDeleteSlaPolicy();
  const heading = useRef<HTMLHeadingElement>(null);
  const { open, show: showDialog, close: closeDialog } = useDialog<Open>(() => heading.current);
  const [notice, setNotice] = useState('');
  // What the page last said no longer holds once something else is done.
  const show = (dialog: Open) => {
    setNotice('');
    showDialog(dialog);
  };
  const keepFocus = useMoveFocus(policies.data?.items);

  if (isForbidden(policies.error)) return <AdminOnly />;
  const items = policies.data?.items ?? [];
  const close = () => {
    closeDialog();
    remove.reset();
  };
  const move = (policy: SlaPolicy, by: -1 | 1) => {
    const ids = moveId(
      items.map((p) => p.id),
      policy.id,
      by,
    );
    keepFocus(policy.id, by, ids.indexOf(policy.id));
    order.mutate(ids, { onSuccess: () => setNotice(t('policies.movedTo', { name: policy.name, position: ids.indexOf(policy.id) + 1, count: ids.length })) });
  };
  const isReady = departments.data && categories.data && calendars.data;

  return (
    <div className="page service-levels-page">
      <title>{t('common:app.titleSuffix', { title: t('policies.title') })}</title>
      <div className="page-head">
        <div>
          <h1 ref={heading} className="page-title" tabIndex={-1}>
            {t('policies.title')}
          </h1>
          <p className="page-intro">{t('policies.intro')}</p>
        </div>
        <Button onClick={() => show({ dialog: 'edit' })} disabled={!isReady}>
          {t('policies.addButton')}
        </Button>
      </div>
      <Alert tone="info">{t('policies.firstMatch')}</Alert>
      {order.isError && <Alert>{t('policies.orderFailed', { message: order.error.message })}</Alert>}
      <p role="status" className="form-notice">
        {notice}
      </p>

      <section className="panel" aria-labelledby="policies-title" aria-busy={policies.isFetching || undefined}>
        <div className="panel-head">
          <h2 id="policies-title" className="panel-title">
            {t('policies.listTitle')}
          </h2>
          {items.length > 0 && <span className="panel-meta">{t('policies.count', { count: items.length })}</span>}
        </div>
        {policies.isError && !policies.data ? (
          <div className="panel-body">
            <RetryAlert title={t('policies.loadFailed')} error={policies.error} onRetry={() => void policies.refetch()} />
          </div>
        ) : !policies.data ? (
          <div className="panel-body panel-loading">
            <Spinner label={t('common:app.loading')} />
          </div>
        ) : items.length === 0 ? (
          <div className="empty-state">
            <h3>{t('policies.emptyTitle')}</h3>
            <p>{t('policies.emptyText')}</p>
          </div>
        ) : (
          <SlaPolicyTable
            policies={items}
            names={{ departments: byId(departments.data?.items), categories: byId(categories.data?.items), calendars: byId(calendars.data?.items) }}
            onMove={move}
            onEdit={(policy) => show({ dialog: 'edit', policy })}
            onDelete={(policy) => show({ dialog: 'delete', policy })}
          />
        )}
      </section>

      {open?.dialog === 'edit' && isReady && (
        <SlaPolicyDialog
          policy={open.policy}
          departments={departments.data.items}
          categories={categories.data.items}
          calendars={calendars.data.items}
          onClose={close}
          onSaved={(saved) => setNotice(t(open.policy ? 'policies.saved' : 'policies.added', { name: saved.name }))}
        />
      )}
      {open?.dialog === 'delete' && (
        <ConfirmDialog
          title={t('policies.deleteTitle', { name: open.policy.name })}
          text={t('policies.deleteText')}
          confirmLabel={t('policies.delete')}
          isBusy={remove.isPending}
          error={remove.isError ? t('policies.deleteFailed', { message: remove.error.message }) : null}
          onConfirm={() =>
            remove.mutate(open.policy.id, {
              onSuccess: () => {
                setNotice(t('policies.deleted', { name: open.policy.name }));
                close();
              },
            })
          }
          onCancel={close}
        />
      )}
    </div>
  );
}
