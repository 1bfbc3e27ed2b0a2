import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../../contract/admin.ts';
import { type AssignmentMode, assignmentModes } from '../../../../contract/routing.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { useSaveAssignmentMode } from '../api/save-assignment-mode.ts';

/** Each department's automatic assignment (manual, round robin, least loaded), saved as soon as it is chosen. */
export function AssignmentPanel({ departments }: { departments: Department[] }) {
  const { t } = useTranslation('admin');
  const save = useSaveAssignmentMode();
  const [notice, setNotice] = useState('');
  const choose = (department: Department, mode: AssignmentMode) => {
    setNotice('');
    save.mutate({ departmentId: department.id, mode }, { onSuccess: () => setNotice(t('assignment.saved', { name: department.name })) });
  };
  return (
    <section className="panel" aria-labelledby="assignment-title">
      <div className="panel-head">
        <h2 id="assignment-title" className="panel-title">
          {t('assignment.title')}
        </h2>
      </div>
      <div className="panel-body form">
        <p className="field-hint">{t('assignment.intro')}</p>
        {departments.length === 0 ? (
          <p className="muted">{t('assignment.empty')}</p>
        ) : (
          <table className="admin-table department-calendars">
            <thead>
              <tr>
                <th scope="col">{t('assignment.column.department')}</th>
                <th scope="col">{t('assignment.column.members')}</th>
                <th scope="col">{t('assignment.column.mode')}</th>
              </tr>
            </thead>
            <tbody>
              {departments.map((department) => (
                <tr key={department.id}>
                  <th scope="row" className="cell-name">
                    {department.name}
                  </th>
                  <td className="cell-when">{t('assignment.members', { count: department.member_ids.length })}</td>
                  <td>
                    <select
                      className="field-input"
                      aria-label={t('assignment.modeOf', { name: department.name })}
                      value={department.assignment_mode}
                      onChange={(e) => choose(department, e.target.value as AssignmentMode)}
                    >
                      {assignmentModes.map((mode) => (
                        <option key={mode} value={mode}>
                          {t(`assignment.mode.${mode}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {save.isError && <Alert>{t('assignment.failed', { message: save.error.message })}</Alert>}
        <p role="status" className="form-notice">
          {notice}
        </p>
      </div>
    </section>
  );
}
