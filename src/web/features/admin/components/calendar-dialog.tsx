import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '../../../../contract/sla.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formError } from '../../../lib/api-client.ts';
import { useSaveCalendar } from '../api/save-calendar.ts';
import { type CalendarForm, calendarSaveErrors, calendarToForm, checkCalendar } from '../calendar-form.ts';
import { HolidaysFieldset } from './holidays-fieldset.tsx';
import { useDialogForm } from './use-dialog-form.ts';
import { WorkingHoursFieldset } from './working-hours-fieldset.tsx';

interface CalendarDialogProps {
  /** The calendar to change; none to add one. */
  calendar?: Calendar;
  /** The workspace's time zone: a new calendar's first choice. */
  workspaceTimeZone: string;
  onClose: () => void;
  onSaved: (calendar: Calendar) => void;
}

/** Every IANA zone the browser knows, with the one in use kept even if it does not list it (UTC, an old alias). */
function useTimeZones(current: string): { value: string; label: string }[] {
  return useMemo(() => {
    const zones = new Set(Intl.supportedValuesOf('timeZone'));
    zones.add('UTC');
    if (current) zones.add(current);
    return [...zones].sort().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
  }, [current]);
}

/** Adds or replaces a business calendar: name, time zone, 24×7 or working hours per weekday, and holidays. */
export function CalendarDialog({ calendar, workspaceTimeZone, onClose, onSaved }: CalendarDialogProps) {
  const { t } = useTranslation('admin');
  const save = useSaveCalendar();
  const { form, change, errors, submit, container } = useDialogForm({
    initial: (): CalendarForm => calendarToForm(calendar, workspaceTimeZone),
    check: checkCalendar,
    id: calendar?.id ?? null,
    save,
    serverErrors: calendarSaveErrors,
    onSaved,
    onClose,
  });
  const zones = useTimeZones(form.time_zone);

  return (
    <FormDialog
      title={calendar ? t('calendars.editTitle', { name: calendar.name }) : t('calendars.addTitle')}
      isBusy={save.isPending}
      error={Object.keys(errors).length ? null : formError(save.error, [])}
      onSubmit={submit}
      onClose={onClose}
      className="calendar-dialog"
      actions={
        <Button type="submit" isBusy={save.isPending}>
          {calendar ? t('calendars.save') : t('calendars.add')}
        </Button>
      }
    >
      <div ref={container} className="form">
        <div className="calendar-basics">
          <TextField label={t('calendars.name')} name="name" value={form.name} error={errors.name} autoComplete="off" required onChange={(e) => change({ name: e.target.value })} />
          <SelectField label={t('calendars.timeZone')} name="time_zone" value={form.time_zone} options={zones} error={errors.time_zone} hint={t('calendars.timeZoneHint')} onChange={(e) => change({ time_zone: e.target.value })} />
        </div>
        <label className="switch-field">
          <input type="checkbox" role="switch" name="always_open" checked={form.always_open} onChange={(e) => change({ always_open: e.target.checked })} aria-describedby="always-open-hint" />
          <span className="field-label">{t('calendars.alwaysOpen')}</span>
        </label>
        <p className="field-hint switch-hint" id="always-open-hint">
          {form.always_open ? t('calendars.alwaysOpenOn') : t('calendars.alwaysOpenOff')}
        </p>
        {!form.always_open && (
          <>
            <WorkingHoursFieldset hours={form.hours} errors={errors} onChange={(hours) => change({ hours })} />
            <HolidaysFieldset holidays={form.holidays} errors={errors} onChange={(holidays) => change({ holidays })} />
          </>
        )}
      </div>
    </FormDialog>
  );
}
