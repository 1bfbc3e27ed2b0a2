import { useTranslation } from 'react-i18next';
import type { Calendar } from '../../../../contract/sla.ts';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useDeleteCalendar } from '../api/delete-calendar.ts';
import { useCalendars } from '../api/get-calendars.ts';
import { useDefaultCalendar } from '../api/get-default-calendar.ts';
import { useDepartments } from '../api/get-departments.ts';
import { isForbidden } from '../admin-access.ts';
import { AdminOnly } from './admin-only.tsx';
import { AdminPage } from './admin-page.tsx';
import { CalendarChoices } from './calendar-choices.tsx';
import { CalendarDialog } from './calendar-dialog.tsx';
import { CalendarTable, useUsedByText } from './calendar-table.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { HolidayImportDialog } from './holiday-import-dialog.tsx';
import { ListPanel } from './list-panel.tsx';
import { useListPage } from './use-list-page.ts';
import './service-levels.css';

type Open = { dialog: 'edit'; calendar?: Calendar } | { dialog: 'import'; calendar: Calendar } | { dialog: 'delete'; calendar: Calendar };

/** The "used by" of a refused delete (409), which names what still counts time in the calendar. */
const usedByOf = (error: unknown): Calendar['used_by'] | null =>
  error instanceof ApiError && error.status === 409 ? ((error.details as { used_by?: Calendar['used_by'] } | undefined)?.used_by ?? null) : null;

/** Business calendars (DESIGN.md §3, Admin): working hours and holidays SLA targets count in, and which one applies where. */
export function CalendarsPage() {
  const { t } = useTranslation('admin');
  const calendars = useCalendars();
  const defaultCalendar = useDefaultCalendar();
  const departments = useDepartments();
  const remove = useDeleteCalendar();
  const usedBy = useUsedByText();
  const page = useListPage<Open>(remove);

  if (isForbidden(calendars.error)) return <AdminOnly />;
  const { open } = page;
  const deleteError = (): string | null => {
    if (!remove.isError) return null;
    const used = usedByOf(remove.error);
    return used ? t('calendars.inUse', { uses: usedBy(used).join('; ') }) : t('calendars.deleteFailed', { message: remove.error.message });
  };

  return (
    <AdminPage
      title={t('calendars.title')}
      intro={t('calendars.intro')}
      headingRef={page.heading}
      action={
        <Button onClick={() => page.show({ dialog: 'edit' })} disabled={!defaultCalendar.data}>
          {t('calendars.addButton')}
        </Button>
      }
    >
      <p role="status" className="form-notice">
        {page.notice}
      </p>

      <ListPanel id="calendars-title" title={t('calendars.listTitle')} list={calendars} loadFailed={t('calendars.loadFailed')} empty={{ title: t('calendars.emptyTitle'), text: t('calendars.emptyText') }}>
        {(data) => (
          <CalendarTable
            calendars={data.items}
            onEdit={(calendar) => page.show({ dialog: 'edit', calendar })}
            onImport={(calendar) => page.show({ dialog: 'import', calendar })}
            onDelete={(calendar) => page.show({ dialog: 'delete', calendar })}
          />
        )}
      </ListPanel>

      {calendars.data && defaultCalendar.data && departments.data && (
        <CalendarChoices calendars={calendars.data.items} defaultCalendar={defaultCalendar.data} departments={departments.data.items} />
      )}
      {(defaultCalendar.isError || departments.isError) && (
        <RetryAlert
          title={t('calendars.choicesFailed')}
          error={(defaultCalendar.error ?? departments.error) as Error}
          onRetry={() => void Promise.all([defaultCalendar.refetch(), departments.refetch()])}
        />
      )}

      {open?.dialog === 'edit' && defaultCalendar.data && (
        <CalendarDialog
          calendar={open.calendar}
          workspaceTimeZone={defaultCalendar.data.time_zone}
          onClose={page.close}
          onSaved={(saved) => page.say(t(open.calendar ? 'calendars.saved' : 'calendars.added', { name: saved.name }))}
        />
      )}
      {open?.dialog === 'import' && <HolidayImportDialog calendar={open.calendar} onClose={page.close} />}
      {open?.dialog === 'delete' && (
        <ConfirmDialog
          title={t('calendars.deleteTitle', { name: open.calendar.name })}
          text={t('calendars.deleteText')}
          confirmLabel={t('list.delete')}
          isBusy={remove.isPending}
          error={deleteError()}
          onConfirm={() => page.remove(open.calendar.id, t('calendars.deleted', { name: open.calendar.name }))}
          onCancel={page.close}
        />
      )}
    </AdminPage>
  );
}
