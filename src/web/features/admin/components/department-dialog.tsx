import { useTranslation } from 'react-i18next';
import type { Agent, Department } from '../../../../contract/admin.ts';
import { assignmentModes } from '../../../../contract/routing.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useSaveDepartment } from '../api/save-department.ts';
import { checkDepartment, type DepartmentForm, departmentSaveErrors, departmentToForm } from '../department-form.ts';
import { MemberPicker } from './member-picker.tsx';
import { useDialogForm } from './use-dialog-form.ts';
import './departments.css';

interface DepartmentDialogProps {
  /** The department to change; none to add one. */
  department?: Department;
  agents: readonly Agent[];
  onClose: () => void;
  onSaved: (department: Department) => void;
}

/** Adds or changes a department: its name, the address its mail arrives at, its members and how its tickets are assigned. */
export function DepartmentDialog({ department, agents, onClose, onSaved }: DepartmentDialogProps) {
  const { t } = useTranslation('admin');
  const save = useSaveDepartment();
  const { form, change, errors, submit, container } = useDialogForm({
    initial: (): DepartmentForm => departmentToForm(department),
    check: checkDepartment,
    id: department?.id ?? null,
    save,
    serverErrors: departmentSaveErrors,
    onSaved,
    onClose,
  });

  return (
    <FormDialog
      title={department ? t('departments.editTitle', { name: department.name }) : t('departments.addTitle')}
      isBusy={save.isPending}
      error={save.isError && Object.keys(errors).length === 0 ? t('departments.saveFailed', { message: save.error.message }) : null}
      onSubmit={submit}
      onClose={onClose}
      className="department-dialog"
      actions={
        <Button type="submit" isBusy={save.isPending}>
          {department ? t('departments.save') : t('departments.add')}
        </Button>
      }
    >
      <div ref={container} className="form">
        <TextField label={t('departments.name')} name="name" value={form.name} error={errors.name} autoComplete="off" required onChange={(e) => change({ name: e.target.value })} />
        <TextField
          label={t('departments.email')}
          name="email"
          type="email"
          value={form.email}
          error={errors.email}
          hint={t('departments.emailHint')}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => change({ email: e.target.value })}
        />
        <SelectField
          label={t('departments.assignment')}
          name="assignment_mode"
          value={form.assignment_mode}
          error={errors.assignment_mode}
          hint={t('departments.assignmentHint')}
          options={assignmentModes.map((mode) => ({ value: mode, label: t(`assignment.mode.${mode}`) }))}
          onChange={(e) => change({ assignment_mode: e.target.value as DepartmentForm['assignment_mode'] })}
        />
        <MemberPicker agents={agents} chosen={form.member_ids} error={errors.member_ids} onChange={(member_ids) => change({ member_ids })} />
      </div>
    </FormDialog>
  );
}
