import { useTranslation } from 'react-i18next';
import type { Department } from '../../../../contract/admin.ts';
import type { Calendar } from '../../../../contract/sla.ts';
import { useChooseCalendar } from '../api/choose-calendar.ts';
import type { DefaultCalendar } from '../api/get-default-calendar.ts';
import { departmentCalendarIds } from '../calendar-form.ts';
import { DepartmentSelectTable } from './department-select-table.tsx';
import { SettingsPanel } from './settings-panel.tsx';
import { useSaveAtOnce } from './use-save-at-once.ts';

interface CalendarChoicesProps {
  calendars: Calendar[];
  defaultCalendar: DefaultCalendar;
  departments: Department[];
}

const asId = (value: string): number | null => (value === '' ? null : Number(value));

/**
 * Which calendar time counts in: the workspace's default, and a department's own that overrides it.
 * A choice is saved as soon as it is made, and said so.
 */
export function CalendarChoices({ calendars, defaultCalendar, departments }: CalendarChoicesProps) {
  const { t } = useTranslation('admin');
  const save = useChooseCalendar();
  const { notice, choose } = useSaveAtOnce(save);
  const byDepartment = departmentCalendarIds(calendars);
  const options = calendars.map((c) => ({ value: String(c.id), label: c.name }));

  return (
    <SettingsPanel
      id="calendar-choices-title"
      title={t('calendars.choicesTitle')}
      intro={t('calendars.choicesIntro')}
      failure={save.isError ? t('calendars.choiceFailed', { message: save.error.message }) : null}
      notice={notice}
    >
      <div className="field calendar-default">
        <label className="field-label" htmlFor="default-calendar">
          {t('calendars.workspaceDefault')}
        </label>
        <select
          id="default-calendar"
          className="field-input"
          value={defaultCalendar.calendar_id ?? ''}
          aria-describedby="default-calendar-hint"
          onChange={(e) => choose({ of: 'workspace', calendarId: asId(e.target.value) }, t('calendars.choiceSaved', { what: t('calendars.workspaceDefault') }))}
        >
          <option value="">{t('calendars.none247', { zone: defaultCalendar.time_zone })}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <p className="field-hint" id="default-calendar-hint">
          {t('calendars.workspaceDefaultHint')}
        </p>
      </div>
      {departments.length > 0 && (
        <DepartmentSelectTable
          departments={departments}
          caption={t('calendars.departmentsCaption')}
          departmentHead={t('calendars.column.department')}
          choiceHead={t('calendars.column.calendar')}
          labelOf={(department) => t('calendars.departmentCalendar', { name: department.name })}
          valueOf={(department) => String(byDepartment.get(department.id) ?? '')}
          options={[{ value: '', label: t('calendars.useWorkspace') }, ...options]}
          onChoose={(department, value) =>
            choose({ of: 'department', departmentId: department.id, calendarId: asId(value) }, t('calendars.choiceSaved', { what: department.name }))
          }
        />
      )}
    </SettingsPanel>
  );
}
