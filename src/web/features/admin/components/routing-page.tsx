import { useTranslation } from 'react-i18next';
import type { RoutingRule } from '../../../../contract/routing.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { useDeleteRoutingRule } from '../api/delete-routing-rule.ts';
import { useCategories } from '../api/get-categories.ts';
import { useDepartments } from '../api/get-departments.ts';
import { useRoutingRules } from '../api/get-routing-rules.ts';
import { useOrderRoutingRules } from '../api/order-routing-rules.ts';
import { isForbidden } from '../admin-access.ts';
import { namesById } from '../ordered-list.ts';
import { AdminOnly } from './admin-only.tsx';
import { AdminPage } from './admin-page.tsx';
import { AssignmentPanel } from './assignment-panel.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { ListPanel } from './list-panel.tsx';
import { RoutingRuleDialog } from './routing-rule-dialog.tsx';
import { RoutingRuleTable } from './routing-rule-table.tsx';
import { useListPage } from './use-list-page.ts';
import { useMoveRow } from './use-move-row.ts';
import { VerificationPanel } from './verification-panel.tsx';
import './service-levels.css';

type Open = { dialog: 'edit'; rule?: RoutingRule } | { dialog: 'delete'; rule: RoutingRule };

/** Routing and assignment (DESIGN.md §2): the rules that pick a new ticket's department, who in it gets the ticket, and which channels wait for verification. */
export function RoutingPage() {
  const { t } = useTranslation('admin');
  const rules = useRoutingRules();
  const departments = useDepartments();
  const categories = useCategories();
  const order = useOrderRoutingRules();
  const remove = useDeleteRoutingRule();
  const page = useListPage<Open>(remove);
  const move = useMoveRow(rules.data?.items, order, page.say);

  if (isForbidden(rules.error)) return <AdminOnly />;
  const { open } = page;
  const count = rules.data?.items.length ?? 0;
  const isReady = departments.data && categories.data;

  return (
    <AdminPage
      title={t('routing.title')}
      intro={t('routing.intro')}
      headingRef={page.heading}
      action={
        <Button onClick={() => page.show({ dialog: 'edit' })} disabled={!isReady}>
          {t('routing.addButton')}
        </Button>
      }
    >
      <Alert tone="info">{t('routing.firstMatch')}</Alert>
      {order.isError && <Alert>{t('routing.orderFailed', { message: order.error.message })}</Alert>}
      <p role="status" className="form-notice">
        {page.notice}
      </p>

      <ListPanel
        id="routing-rules-title"
        title={t('routing.rulesTitle')}
        meta={count > 0 ? t('routing.count', { count }) : undefined}
        list={rules}
        loadFailed={t('routing.loadFailed')}
        empty={{ title: t('routing.emptyTitle'), text: t('routing.emptyText') }}
      >
        {(data) => (
          <RoutingRuleTable
            rules={data.items}
            names={{ departments: namesById(departments.data?.items), categories: namesById(categories.data?.items) }}
            onMove={move}
            onEdit={(rule) => page.show({ dialog: 'edit', rule })}
            onDelete={(rule) => page.show({ dialog: 'delete', rule })}
          />
        )}
      </ListPanel>

      {departments.data && <AssignmentPanel departments={departments.data.items} />}
      {departments.isError && !departments.data && <RetryAlert title={t('routing.loadFailed')} error={departments.error} onRetry={() => void departments.refetch()} />}
      <VerificationPanel />

      {open?.dialog === 'edit' && isReady && (
        <RoutingRuleDialog
          rule={open.rule}
          departments={departments.data.items}
          categories={categories.data.items}
          onClose={page.close}
          onSaved={(saved) => page.say(t(open.rule ? 'routing.saved' : 'routing.added', { name: saved.name }))}
        />
      )}
      {open?.dialog === 'delete' && (
        <ConfirmDialog
          title={t('routing.deleteTitle', { name: open.rule.name })}
          text={t('routing.deleteText')}
          confirmLabel={t('list.delete')}
          isBusy={remove.isPending}
          error={remove.isError ? t('routing.deleteFailed', { message: remove.error.message }) : null}
          onConfirm={() => page.remove(open.rule.id, t('routing.deleted', { name: open.rule.name }))}
          onCancel={page.close}
        />
      )}
    </AdminPage>
  );
}
