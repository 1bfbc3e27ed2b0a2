import { useTranslation } from 'react-i18next';
import { labelIn } from '../../../../contract/ticket-field-display.ts';
import type { TicketField } from '../../../../contract/ticket-fields.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { useDeleteTicketField } from '../api/delete-ticket-field.ts';
import { useTicketFields } from '../api/get-ticket-fields.ts';
import { useOrderTicketFields } from '../api/order-ticket-fields.ts';
import { usePatchTicketField } from '../api/save-ticket-field.ts';
import { isForbidden } from '../admin-access.ts';
import { ticketsHoldingValues } from '../ticket-field-form.ts';
import { AdminOnly } from './admin-only.tsx';
import { AdminPage } from './admin-page.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { ListPanel } from './list-panel.tsx';
import { TicketFieldDialog } from './ticket-field-dialog.tsx';
import { TicketFieldTable } from './ticket-field-table.tsx';
import { useListPage } from './use-list-page.ts';
import { useMoveRow } from './use-move-row.ts';
import './service-levels.css';
import './workspace-admin.css';
import './ticket-fields.css';

type Open = { dialog: 'edit'; field?: TicketField } | { dialog: 'delete'; field: TicketField };

/** Admin › Ticket fields (DESIGN.md §3, Admin: custom fields): define typed fields, put them in form order, retire, restore and delete them. */
export function TicketFieldsPage() {
  const { t, i18n } = useTranslation('admin');
  const fields = useTicketFields();
  const order = useOrderTicketFields();
  const patch = usePatchTicketField();
  const remove = useDeleteTicketField();
  const page = useListPage<Open>(remove);
  const nameOf = (field: TicketField) => labelIn(field.labels, i18n.language);
  const move = useMoveRow(
    fields.data?.items.map((f) => ({ id: f.id, name: nameOf(f) })),
    order,
    page.say,
  );

  if (isForbidden(fields.error)) return <AdminOnly />;
  const { open } = page;
  const items = fields.data?.items ?? [];
  const retiredCount = items.filter((f) => f.retired).length;
  const show = (next: Open) => {
    patch.reset();
    page.show(next);
  };
  const setRetired = (field: TicketField, retired: boolean, onDone?: () => void) => {
    page.say('');
    patch.mutate(
      { id: field.id, body: { retired } },
      {
        onSuccess: () => {
          page.say(t(retired ? 'fields.retired' : 'fields.restored', { name: nameOf(field) }));
          onDone?.();
        },
      },
    );
  };
  // A field tickets hold values of is not deleted (409): the dialog says how many and offers to retire it.
  const holding = open?.dialog === 'delete' ? ticketsHoldingValues(remove.error) : null;
  const deleteError = (field: TicketField): string | null => {
    if (holding !== null) return t(field.retired ? 'fields.inUseRetired' : 'fields.inUse', { count: holding });
    if (patch.isError) return t('fields.actionFailed', { message: patch.error.message });
    return remove.isError ? t('fields.deleteFailed', { message: remove.error.message }) : null;
  };

  return (
    <AdminPage title={t('fields.title')} intro={t('fields.intro')} headingRef={page.heading} action={<Button onClick={() => show({ dialog: 'edit' })}>{t('fields.add')}</Button>}>
      {order.isError && <Alert>{t('fields.orderFailed', { message: order.error.message })}</Alert>}
      {patch.isError && !open && <Alert>{t('fields.actionFailed', { message: patch.error.message })}</Alert>}
      <p role="status" className="form-notice">
        {page.notice}
      </p>
      <ListPanel
        id="ticket-fields-title"
        title={t('fields.listTitle')}
        meta={items.length ? t(retiredCount ? 'fields.meta' : 'fields.metaActive', { active: items.length - retiredCount, retired: retiredCount }) : undefined}
        list={fields}
        loadFailed={t('fields.loadFailed')}
        empty={{ title: t('fields.emptyTitle'), text: t('fields.emptyText') }}
      >
        {(data) => (
          <>
            <TicketFieldTable
              fields={data.items}
              busyId={patch.isPending && !open ? patch.variables.id : null}
              onMove={(field, by) => move({ id: field.id, name: nameOf(field) }, by)}
              onEdit={(field) => show({ dialog: 'edit', field })}
              onRetire={setRetired}
              onDelete={(field) => show({ dialog: 'delete', field })}
            />
            {retiredCount > 0 && <p className="retired-note">{t('fields.retiredNote')}</p>}
          </>
        )}
      </ListPanel>

      {open?.dialog === 'edit' && (
        <TicketFieldDialog
          field={open.field}
          onClose={page.close}
          onSaved={(saved) => page.say(t(open.field ? 'fields.saved' : 'fields.added', { name: nameOf(saved) }))}
        />
      )}
      {open?.dialog === 'delete' && (
        <ConfirmDialog
          title={t('fields.deleteTitle', { name: nameOf(open.field) })}
          text={t('fields.deleteText')}
          confirmLabel={holding !== null && !open.field.retired ? t('fields.retireInstead') : t('list.delete')}
          isBusy={remove.isPending || patch.isPending}
          error={deleteError(open.field)}
          onConfirm={() =>
            holding !== null && !open.field.retired ? setRetired(open.field, true, page.close) : page.remove(open.field.id, t('fields.deleted', { name: nameOf(open.field) }))
          }
          onCancel={page.close}
        />
      )}
    </AdminPage>
  );
}
