import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoutingRule } from '../../../../contract/routing.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { useDeleteRoutingRule } from '../api/delete-routing-rule.ts';
import { useCategories } from '../api/get-categories.ts';
import { useDepartments } from '../api/get-departments.ts';
import { useRoutingRules } from '../api/get-routing-rules.ts';
import { useOrderRoutingRules } from '../api/order-routing-rules.ts';
import { isForbidden } from '../admin-access.ts';
import { moveId } from '../sla-policy-form.ts';
import { AdminOnly } from './admin-only.tsx';
import { AssignmentPanel } from './assignment-panel.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { RoutingRuleDialog } from './routing-rule-dialog.tsx';
import { RoutingRuleTable } from './routing-rule-table.tsx';
import { useDialog } from './use-dialog.ts';
import { useMoveFocus } from './use-move-focus.ts';
import { VerificationPanel } from './verification-panel.tsx';
import './service-levels.css';

type Open = { dialog: 'edit'; rule?: RoutingRule } | { dialog: 'delete'; rule: RoutingRule };

const byId = <T extends { id: number; name: string }>(items: readonly T[] | undefined) => new Map((items ?? []).map((i) => [i.id, i.name]));

/** Routing and assignment (DESIGN.md §2): the rules that pick a new ticket's department, who in it gets the ticket, and which channels wait for verification. */
export function RoutingPage() {
  const { t } = useTranslation(['admin', 'common']);
  const rules = useRoutingRules();
  const departments = useDepartments();
  const categories = useCategories();
  const order = useOrderRoutingRules();
  const remove = useDeleteRoutingRule();
  const heading = useRef<HTMLHeadingElement>(null);
  const { open, show: showDialog, close: closeDialog } = useDialog<Open>(() => heading.current);
  const [notice, setNotice] = useState('');
  const keepFocus = useMoveFocus(rules.data?.items);

  if (isForbidden(rules.error)) return <AdminOnly />;
  const items = rules.data?.items ?? [];
  const show = (dialog: Open) => {
    setNotice('');
    showDialog(dialog);
  };
  const close = () => {
    closeDialog();
    remove.reset();
  };
  const move = (rule: RoutingRule, by: -1 | 1) => {
    const ids = moveId(
      items.map((r) => r.id),
      rule.id,
      by,
    );
    keepFocus(rule.id, by, ids.indexOf(rule.id));
    order.mutate(ids, { onSuccess: () => setNotice(t('routing.movedTo', { name: rule.name, position: ids.indexOf(rule.id) + 1, count: ids.length })) });
  };
  const isReady = departments.data && categories.data;

  return (
    <div className="page service-levels-page">
      <title>{t('common:app.titleSuffix', { title: t('routing.title') })}</title>
      <div className="page-head">
        <div>
          <h1 ref={heading} className="page-title" tabIndex={-1}>
            {t('routing.title')}
          </h1>
          <p className="page-intro">{t('routing.intro')}</p>
        </div>
        <Button onClick={() => show({ dialog: 'edit' })} disabled={!isReady}>
          {t('routing.addButton')}
        </Button>
      </div>
      <Alert tone="info">{t('routing.firstMatch')}</Alert>
      {order.isError && <Alert>{t('routing.orderFailed', { message: order.error.message })}</Alert>}
      <p role="status" className="form-notice">
        {notice}
      </p>

      <section className="panel" aria-labelledby="routing-rules-title" aria-busy={rules.isFetching || undefined}>
        <div className="panel-head">
          <h2 id="routing-rules-title" className="panel-title">
            {t('routing.rulesTitle')}
          </h2>
          {items.length > 0 && <span className="panel-meta">{t('routing.count', { count: items.length })}</span>}
        </div>
        {rules.isError && !rules.data ? (
          <div className="panel-body">
            <RetryAlert title={t('routing.loadFailed')} error={rules.error} onRetry={() => void rules.refetch()} />
          </div>
        ) : !rules.data ? (
          <div className="panel-body panel-loading">
            <Spinner label={t('common:app.loading')} />
          </div>
        ) : items.length === 0 ? (
          <div className="empty-state">
            <h3>{t('routing.emptyTitle')}</h3>
            <p>{t('routing.emptyText')}</p>
          </div>
        ) : (
          <RoutingRuleTable
            rules={items}
            names={{ departments: byId(departments.data?.items), categories: byId(categories.data?.items) }}
            onMove={move}
            onEdit={(rule) => show({ dialog: 'edit', rule })}
            onDelete={(rule) => show({ dialog: 'delete', rule })}
          />
        )}
      </section>

      {departments.data && <AssignmentPanel departments={departments.data.items} />}
      {departments.isError && !departments.data && <RetryAlert title={t('routing.loadFailed')} error={departments.error} onRetry={() => void departments.refetch()} />}
      <VerificationPanel />

      {open?.dialog === 'edit' && isReady && (
        <RoutingRuleDialog
          rule={open.rule}
          departments={departments.data.items}
          categories={categories.data.items}
          onClose={close}
          onSaved={(saved) => setNotice(t(open.rule ? 'routing.saved' : 'routing.added', { name: saved.name }))}
        />
      )}
      {open?.dialog === 'delete' && (
        <ConfirmDialog
          title={t('routing.deleteTitle', { name: open.rule.name })}
          text={t('routing.deleteText')}
          confirmLabel={t('routing.delete')}
          isBusy={remove.isPending}
          error={remove.isError ? t('routing.deleteFailed', { message: remove.error.message }) : null}
          onConfirm={() =>
            remove.mutate(open.rule.id, {
              onSuccess: () => {
                setNotice(t('routing.deleted', { name: open.rule.name }));
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
