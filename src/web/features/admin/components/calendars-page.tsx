import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '../../../../contract/sla.ts';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useDeleteCalendar } from '../api/delete-calendar.ts';
import { useCalendars } from '../api/get-calendars.ts';
import { useDefaultCalendar } from '../api/get-default-calendar.ts';
import { useDepartments } from '../api/get-departments.ts';
import { isForbidden } from '../admin-access.ts';
import { AdminOnly } from './admin-only.tsx';
import { CalendarChoices } from './calendar-choices.tsx';
import { CalendarDialog } from './calendar-dialog.tsx';
import { CalendarTable, useUsedByText } from './calendar-table.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { HolidayImportDialog } from './holiday-import-dialog.tsx';
import { useDialog } from './use-dialog.ts';
import './service-levels.css';

type Open = { dialog: 'edit'; calendar?: Calendar } | { dialog: 'import'; calendar: Calendar } | { dialog: 'delete'; calendar: Calendar };

/** The "used by" of a refused delete (409), which names what still counts time in the calendar. */
const usedByOf = (error: unknown): Calendar['used_by'] | null =>
  error instanceof ApiError && error.status === 409 ? ((error.details as { used_by?: Calendar['used_by'] } | undefined)?.used_by ?? null) : null;

/** Business calendars (DESIGN.md §3, Admin): working hours and holidays SLA targets count in, and which one applies where. */
export function CalendarsPage() {
  const { t } = useTranslation(['admin', 'common']);
  const calendars = useCalendars();
  const defaultCalendar = useDefaultCalendar();
  const departments = useDepartments();
  const remove = useDeleteCalendar();
  const usedBy = useUsedByText();
  const heading = useRef<HTMLHeadingElement>(null);
  const { open, show: showDialog, close: closeDialog } = useDialog<Open>(() => heading.current);
  const [notice, setNotice] = useState('');
  // What the page last said no longer holds once something else is done.
  const show = (dialog: Open) => {
    setNotice('');
    showDialog(dialog);
  };

  if (isForbidden(calendars.error)) return <AdminOnly />;
  const close = () => {
    closeDialog();
    remove.reset();
  };
  const deleteError = (): string | null => {
    if (!remove.isError) return null;
    const used = usedByOf(remove.error);
    return used ? t('calendars.inUse', { uses: usedBy(used).join('; ') }) : t('calendars.deleteFailed', { message: remove.error.message });
  };

  return (
    <div className="page service-levels-page">
      <title>{t('common:app.titleSuffix', { title: t('calendars.title') })}</title>
      <div className="page-head">
        <div>
          <h1 ref={heading} className="page-title" tabIndex={-1}>
            {t('calendars.title')}
          </h1>
          <p className="page-intro">{t('calendars.intro')}</p>
        </div>
        <Button onClick={() => show({ dialog: 'edit' })} disabled={!defaultCalendar.data}>
          {t('calendars.addButton')}
        </Button>
      </div>
      <p role="status" className="form-notice">
        {notice}
      </p>

      <section className="panel" aria-labelledby="calendars-title" aria-busy={calendars.isFetching || undefined}>
        <div className="panel-head">
          <h2 id="calendars-title" className="panel-title">
            {t('calendars.listTitle')}
          </h2>
        </div>
        {calendars.isError && !calendars.data ? (
          <div className="panel-body">
            <RetryAlert title={t('calendars.loadFailed')} error={calendars.error} onRetry={() => void calendars.refetch()} />
          </div>
        ) : !calendars.data ? (
          <div className="panel-body panel-loading">
            <Spinner label={t('common:app.loading')} />
          </div>
        ) : calendars.data.items.length === 0 ? (
          <div className="empty-state">
            <h3>{t('calendars.emptyTitle')}</h3>
            <p>{t('calendars.emptyText')}</p>
          </div>
        ) : (
          <CalendarTable
            calendars={calendars.data.items}
            onEdit={(calendar) => show({ dialog: 'edit', calendar })}
            onImport={(calendar) => show({ dialog: 'import', calendar })}
            onDelete={(calendar) => show({ dialog: 'delete', calendar })}
          />
        )}
      </section>

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
          onClose={close}
          onSaved={(saved) => setNotice(t(open.calendar ? 'calendars.saved' : 'calendars.added', { name: saved.name }))}
        />
      )}
      {open?.dialog === 'import' && <HolidayImportDialog calendar={open.calendar} onClose={close} />}
      {open?.dialog === 'delete' && (
        <ConfirmDialog
          title={t('calendars.deleteTitle', { name: open.calendar.name })}
          text={t('calendars.deleteText')}
          confirmLabel={t('calendars.delete')}
          isBusy={remove.isPending}
          error={deleteError()}
          onConfirm={() =>
            remove.mutate(open.calendar.id, {
              onSuccess: () => {
                setNotice(t('calendars.deleted', { name: open.calendar.name }));
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
