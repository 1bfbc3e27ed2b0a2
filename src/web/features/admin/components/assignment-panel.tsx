import { useTranslation } from 'react-i18next';
import type { Department } from '../../../../contract/admin.ts';
import { type AssignmentMode, assignmentModes } from '../../../../contract/routing.ts';
import { useSaveAssignmentMode } from '../api/save-assignment-mode.ts';
import { DepartmentSelectTable } from './department-select-table.tsx';
import { SettingsPanel } from './settings-panel.tsx';
import { useSaveAtOnce } from './use-save-at-once.ts';

/** Each department's automatic assignment (manual, round robin, least loaded), saved as soon as it is chosen. */
export function AssignmentPanel({ departments }: { departments: Department[] }) {
  const { t } = useTranslation('admin');
  const save = useSaveAssignmentMode();
  const { notice, choose } = useSaveAtOnce(save);
  return (
    <SettingsPanel
      id="assignment-title"
      title={t('assignment.title')}
      intro={t('assignment.intro')}
      failure={save.isError ? t('assignment.failed', { message: save.error.message }) : null}
      notice={notice}
    >
      {departments.length === 0 ? (
        <p className="muted">{t('assignment.empty')}</p>
      ) : (
        <DepartmentSelectTable
          departments={departments}
          departmentHead={t('assignment.column.department')}
          between={{ head: t('assignment.column.members'), cell: (department) => t('assignment.members', { count: department.member_ids.length }) }}
          choiceHead={t('assignment.column.mode')}
          labelOf={(department) => t('assignment.modeOf', { name: department.name })}
          valueOf={(department) => department.assignment_mode}
          options={assignmentModes.map((mode) => ({ value: mode, label: t(`assignment.mode.${mode}`) }))}
          onChoose={(department, mode) => choose({ departmentId: department.id, mode: mode as AssignmentMode }, t('assignment.saved', { name: department.name }))}
        />
      )}
    </SettingsPanel>
  );
}
