import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Agent, type Department, roles } from '../../../../contract/admin.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useSaveAgent } from '../api/save-agent.ts';
import { agentSaveErrors, agentToForm, checkAgent, type Role } from '../agent-form.ts';
import { CheckList } from './check-list.tsx';
import { useDialogForm } from './use-dialog-form.ts';

interface AgentDialogProps {
  /** The agent to change; none to invite one. */
  agent?: Agent;
  /** The workspace's departments to choose from; null when they could not be read. */
  departments: readonly Department[] | null;
  onClose: () => void;
  onSaved: (agent: Agent) => void;
}

/** Invites an agent by email (name, role, departments), or changes an agent's name, role and departments. */
export function AgentDialog({ agent, departments, onClose, onSaved }: AgentDialogProps) {
  const { t } = useTranslation('admin');
  const id = useId();
  const isInvite = agent === undefined;
  const save = useSaveAgent();
  const { form, change, errors, submit, container } = useDialogForm({
    initial: () => agentToForm(agent),
    check: (f) => checkAgent(f, isInvite),
    id: agent?.id ?? null,
    save,
    serverErrors: (error) => agentSaveErrors(error, isInvite),
    onSaved,
    onClose,
  });
  const choices = [...(departments ?? [])].sort((a, b) => a.name.localeCompare(b.name)).map((d) => ({ value: d.id, label: d.name }));
  const departmentsNote = errors.department_ids ?? (departments === null ? t('agents.departmentsFailed') : choices.length === 0 ? t('agents.noDepartmentsYet') : t('agents.departmentsHint'));

  return (
    <FormDialog
      title={agent ? t('agents.editTitle', { name: agent.name }) : t('agents.inviteTitle')}
      isBusy={save.isPending}
      error={save.isError && Object.keys(errors).length === 0 ? t('agents.saveFailed', { message: save.error.message }) : null}
      onSubmit={submit}
      onClose={onClose}
      className="agent-dialog"
      actions={
        <Button type="submit" isBusy={save.isPending}>
          {agent ? t('agents.save') : t('agents.invite')}
        </Button>
      }
    >
      <div ref={container} className="form">
        {agent && <p className="agent-dialog-email">{t('agents.signsInAs', { email: agent.email })}</p>}
        <TextField label={t('agents.name')} name="name" value={form.name} error={errors.name} autoComplete="off" required onChange={(e) => change({ name: e.target.value })} />
        {isInvite && (
          <TextField
            label={t('agents.email')}
            name="email"
            type="email"
            value={form.email}
            error={errors.email}
            hint={t('agents.emailHint')}
            autoComplete="off"
            spellCheck={false}
            required
            onChange={(e) => change({ email: e.target.value })}
          />
        )}
        <SelectField
          label={t('agents.roleLabel')}
          name="role"
          value={form.role}
          error={errors.role}
          hint={t('agents.roleHint')}
          options={roles.map((role) => ({ value: role, label: t(`agents.roleOption.${role}`) }))}
          onChange={(e) => change({ role: e.target.value as Role })}
        />
        <fieldset className={['form-section', errors.department_ids ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
          <legend>{t('agents.departments')}</legend>
          <p className={errors.department_ids ? 'field-error' : 'field-hint'} id={`${id}-departments`}>
            {departmentsNote}
          </p>
          {choices.length > 0 && (
            <CheckList
              label={t('agents.departments')}
              options={choices}
              chosen={form.department_ids}
              describedBy={`${id}-departments`}
              isInvalid={Boolean(errors.department_ids)}
              onChange={(department_ids) => change({ department_ids })}
            />
          )}
        </fieldset>
      </div>
    </FormDialog>
  );
}
