import { useTranslation } from 'react-i18next';
import type { Department } from '../../../../contract/admin.ts';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { useDeleteDepartment } from '../api/delete-department.ts';
import { useAgents } from '../api/get-agents.ts';
import { useCalendars } from '../api/get-calendars.ts';
import { useDepartments } from '../api/get-departments.ts';
import { isForbidden } from '../admin-access.ts';
import { departmentCalendarIds } from '../calendar-form.ts';
import { departmentDeleteError } from '../department-form.ts';
import { AdminOnly } from './admin-only.tsx';
import { AdminPage } from './admin-page.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { DepartmentDialog } from './department-dialog.tsx';
import { DepartmentTable } from './department-table.tsx';
import { ListPanel } from './list-panel.tsx';
import { useListPage } from './use-list-page.ts';
import './departments.css';
import './service-levels.css';

type Open = { dialog: 'edit'; department?: Department } | { dialog: 'delete'; department: Department };

/** Departments (DESIGN.md §3, Admin): their mail address, members ("my departments"), automatic assignment, and where their service levels are set. */
export function DepartmentsPage() {
  const { t } = useTranslation('admin');
  const departments = useDepartments();
  const agents = useAgents();
  const calendars = useCalendars();
  const remove = useDeleteDepartment();
  const page = useListPage<Open>(remove);

  if (isForbidden(agents.error) || isForbidden(calendars.error)) return <AdminOnly />;
  const { open } = page;
  const count = departments.data?.items.length ?? 0;
  const calendarIds = calendars.data ? departmentCalendarIds(calendars.data.items) : null;
  const calendarOf = (department: Department): string | null => {
    if (!calendarIds || !calendars.data) return null;
    const id = calendarIds.get(department.id);
    return id === undefined ? '' : (calendars.data.items.find((c) => c.id === id)?.name ?? null);
  };

  return (
    <AdminPage
      title={t('departments.title')}
      intro={t('departments.intro')}
      headingRef={page.heading}
      action={
        <Button onClick={() => page.show({ dialog: 'edit' })} disabled={!agents.data}>
          {t('departments.addButton')}
        </Button>
      }
    >
      <p role="status" className="form-notice">
        {page.notice}
      </p>
      {agents.isError && !agents.data && <RetryAlert title={t('departments.agentsFailed')} error={agents.error} onRetry={() => void agents.refetch()} />}
      <ListPanel
        id="departments-title"
        title={t('departments.listTitle')}
        meta={count > 0 ? t('departments.count', { count }) : undefined}
        list={departments}
        loadFailed={t('departments.loadFailed')}
        empty={{ title: t('departments.emptyTitle'), text: t('departments.emptyText') }}
      >
        {(data) => (
          <DepartmentTable
            departments={data.items}
            agents={agents.data?.items ?? []}
            calendarOf={calendarOf}
            onEdit={(department) => page.show({ dialog: 'edit', department })}
            onDelete={(department) => page.show({ dialog: 'delete', department })}
          />
        )}
      </ListPanel>

      {open?.dialog === 'edit' && agents.data && (
        <DepartmentDialog
          department={open.department}
          agents={agents.data.items}
          onClose={page.close}
          onSaved={(saved) => page.say(t(open.department ? 'departments.saved' : 'departments.added', { name: saved.name }))}
        />
      )}
      {open?.dialog === 'delete' && (
        <ConfirmDialog
          title={t('departments.deleteTitle', { name: open.department.name })}
          text={t('departments.deleteText')}
          confirmLabel={t('list.delete')}
          isBusy={remove.isPending}
          error={remove.isError ? departmentDeleteError(remove.error) : null}
          onConfirm={() => page.remove(open.department.id, t('departments.deleted', { name: open.department.name }))}
          onCancel={page.close}
        />
      )}
    </AdminPage>
  );
}
