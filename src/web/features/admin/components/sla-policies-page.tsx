import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '../../../../contract/sla.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { useDeleteSlaPolicy } from '../api/delete-sla-policy.ts';
import { useCalendars } from '../api/get-calendars.ts';
import { useCategories } from '../api/get-categories.ts';
import { useDepartments } from '../api/get-departments.ts';
import { useSlaPolicies } from '../api/get-sla-policies.ts';
import { useOrderSlaPolicies } from '../api/order-sla-policies.ts';
import { isForbidden } from '../admin-access.ts';
import { namesById } from '../ordered-list.ts';
import { AdminOnly } from './admin-only.tsx';
import { AdminPage } from './admin-page.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { ListPanel } from './list-panel.tsx';
import { SlaPolicyDialog } from './sla-policy-dialog.tsx';
import { SlaPolicyTable } from './sla-policy-table.tsx';
import { useListPage } from './use-list-page.ts';
import { useMoveRow } from './use-move-row.ts';
import './service-levels.css';

type Open = { dialog: 'edit'; policy?: SlaPolicy } | { dialog: 'delete'; policy: SlaPolicy };

/** SLA policies (DESIGN.md §3, Admin): the targets a ticket gets, from the first active policy that matches it. */
export function SlaPoliciesPage() {
  const { t } = useTranslation('admin');
  const policies = useSlaPolicies();
  const departments = useDepartments();
  const categories = useCategories();
  const calendars = useCalendars();
  const order = useOrderSlaPolicies();
  const remove = useDeleteSlaPolicy();
  const page = useListPage<Open>(remove);
  const move = useMoveRow(policies.data?.items, order, page.say);

  if (isForbidden(policies.error)) return <AdminOnly />;
  const { open } = page;
  const count = policies.data?.items.length ?? 0;
  const isReady = departments.data && categories.data && calendars.data;

  return (
    <AdminPage
      title={t('policies.title')}
      intro={t('policies.intro')}
      headingRef={page.heading}
      action={
        <Button onClick={() => page.show({ dialog: 'edit' })} disabled={!isReady}>
          {t('policies.addButton')}
        </Button>
      }
    >
      <Alert tone="info">{t('policies.firstMatch')}</Alert>
      {order.isError && <Alert>{t('policies.orderFailed', { message: order.error.message })}</Alert>}
      <p role="status" className="form-notice">
        {page.notice}
      </p>

      <ListPanel
        id="policies-title"
        title={t('policies.listTitle')}
        meta={count > 0 ? t('policies.count', { count }) : undefined}
        list={policies}
        loadFailed={t('policies.loadFailed')}
        empty={{ title: t('policies.emptyTitle'), text: t('policies.emptyText') }}
      >
        {(data) => (
          <SlaPolicyTable
            policies={data.items}
            names={{ departments: namesById(departments.data?.items), categories: namesById(categories.data?.items), calendars: namesById(calendars.data?.items) }}
            onMove={move}
            onEdit={(policy) => page.show({ dialog: 'edit', policy })}
            onDelete={(policy) => page.show({ dialog: 'delete', policy })}
          />
        )}
      </ListPanel>

      {open?.dialog === 'edit' && isReady && (
        <SlaPolicyDialog
          policy={open.policy}
          departments={departments.data.items}
          categories={categories.data.items}
          calendars={calendars.data.items}
          onClose={page.close}
          onSaved={(saved) => page.say(t(open.policy ? 'policies.saved' : 'policies.added', { name: saved.name }))}
        />
      )}
      {open?.dialog === 'delete' && (
        <ConfirmDialog
          title={t('policies.deleteTitle', { name: open.policy.name })}
          text={t('policies.deleteText')}
          confirmLabel={t('list.delete')}
          isBusy={remove.isPending}
          error={remove.isError ? t('policies.deleteFailed', { message: remove.error.message }) : null}
          onConfirm={() => page.remove(open.policy.id, t('policies.deleted', { name: open.policy.name }))}
          onCancel={page.close}
        />
      )}
    </AdminPage>
  );
}
