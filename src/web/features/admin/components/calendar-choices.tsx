import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../../contract/admin.ts';
import type { Calendar } from '../../../../contract/sla.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { type CalendarChoice, useChooseCalendar } from '../api/choose-calendar.ts';
import type { DefaultCalendar } from '../api/get-default-calendar.ts';
import { departmentCalendarIds } from '../calendar-form.ts';

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
  const choose = useChooseCalendar();
  const [notice, setNotice] = useState('');
  const byDepartment = departmentCalendarIds(calendars);
  const options = calendars.map((c) => (
    <option key={c.id} value={c.id}>
      {c.name}
    </option>
  ));

  const save = (choice: CalendarChoice, what: string) => {
    setNotice('');
    choose.mutate(choice, { onSuccess: () => setNotice(t('calendars.choiceSaved', { what })) });
  };

  return (
    <section className="panel" aria-labelledby="calendar-choices-title">
      <div className="panel-head">
        <h2 id="calendar-choices-title" className="panel-title">
          {t('calendars.choicesTitle')}
        </h2>
      </div>
      <div className="panel-body form">
        <p className="field-hint">{t('calendars.choicesIntro')}</p>
        <div className="field calendar-default">
          <label className="field-label" htmlFor="default-calendar">
            {t('calendars.workspaceDefault')}
          </label>
          <select
            id="default-calendar"
            className="field-input"
            value={defaultCalendar.calendar_id ?? ''}
            aria-describedby="default-calendar-hint"
            onChange={(e) => save({ of: 'workspace', calendarId: asId(e.target.value) }, t('calendars.workspaceDefault'))}
          >
            <option value="">{t('calendars.none247', { zone: defaultCalendar.time_zone })}</option>
            {options}
          </select>
          <p className="field-hint" id="default-calendar-hint">
            {t('calendars.workspaceDefaultHint')}
          </p>
        </div>
        {departments.length > 0 && (
          <table className="admin-table department-calendars">
            <caption className="field-label">{t('calendars.departmentsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendars.column.department')}</th>
                <th scope="col">{t('calendars.column.calendar')}</th>
              </tr>
            </thead>
            <tbody>
              {departments.map((department) => (
                <tr key={department.id}>
                  <th scope="row" className="cell-name">
                    {department.name}
                  </th>
                  <td>
                    <select
                      className="field-input"
                      aria-label={t('calendars.departmentCalendar', { name: department.name })}
                      value={byDepartment.get(department.id) ?? ''}
                      onChange={(e) => save({ of: 'department', departmentId: department.id, calendarId: asId(e.target.value) }, department.name)}
                    >
                      <option value="">{t('calendars.useWorkspace')}</option>
                      {options}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {choose.isError && <Alert>{t('calendars.choiceFailed', { message: choose.error.message })}</Alert>}
        <p role="status" className="form-notice">
          {notice}
        </p>
      </div>
    </section>
  );
}
