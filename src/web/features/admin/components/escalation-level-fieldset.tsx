import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Department } from '../../../../contract/admin.ts';
import { priorities } from '../../../../contract/tickets.ts';
import { SelectField } from '../../../components/ui/select-field.tsx';
import type { LevelForm } from '../escalation-form.ts';
import { CheckList } from './check-list.tsx';
import { DurationField } from './duration-field.tsx';

interface LevelFieldsetProps {
  index: number;
  level: LevelForm;
  agents: Agent[];
  departments: Department[];
  /** The form's errors, keyed `levels.<index>.<field>`. */
  errors: Record<string, string>;
  onChange: (change: Partial<LevelForm>) => void;
  onRemove: () => void;
}

/** One level of the flow: when it fires after the due time, whom it tells, and what it changes on the ticket. */
export function EscalationLevelFieldset({ index, level, agents, departments, errors, onChange, onRemove }: LevelFieldsetProps) {
  const { t } = useTranslation(['admin', 'common']);
  const at = (field: string) => errors[`levels.${index}.${field}`];
  const agentsError = at('notify_agent_ids');
  const agentsNote = useId();
  const n = index + 1;
  // A deactivated agent is offered only where the level names them already.
  const activeOr = (chosen: number[]) => agents.filter((a) => a.is_active || chosen.includes(a.id));
  const departmentOptions = departments.map((d) => ({ value: String(d.id), label: d.name }));

  return (
    <fieldset className="escalation-level" data-level={n}>
      <legend className="escalation-level-title">{t('escalation.level', { n })}</legend>
      <div className="escalation-grid">
        <DurationField
          name={`levels.${index}.delay`}
          legend={t('escalation.delay')}
          hint={t('escalation.delayHint')}
          value={level.delay}
          error={at('delay_seconds')}
          onChange={(delay) => onChange({ delay })}
        />
        <fieldset className={['escalation-agents', agentsError ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
          <legend className="field-label">{t('escalation.notifyAgents')}</legend>
          <CheckList
            label={t('escalation.notifyAgents')}
            options={activeOr(level.notify_agent_ids).map((a) => ({ value: a.id, label: a.is_active ? a.name : t('escalation.deactivated', { name: a.name }) }))}
            chosen={level.notify_agent_ids}
            describedBy={agentsNote}
            isInvalid={Boolean(agentsError)}
            onChange={(notify_agent_ids) => onChange({ notify_agent_ids })}
          />
          <p className={agentsError ? 'field-error' : 'field-hint'} id={agentsNote}>
            {agentsError ?? t('escalation.notifyHint')}
          </p>
        </fieldset>
        <div className="escalation-selects">
          <SelectField
            label={t('escalation.notifyDepartment')}
            value={level.notify_department_id}
            error={at('notify_department_id')}
            options={[{ value: '', label: t('escalation.noDepartment') }, ...departmentOptions]}
            onChange={(e) => onChange({ notify_department_id: e.target.value })}
          />
          <SelectField
            label={t('escalation.reassignDepartment')}
            value={level.reassign_department_id}
            error={at('reassign_department_id')}
            options={[{ value: '', label: t('escalation.keepDepartment') }, ...departmentOptions]}
            onChange={(e) => onChange({ reassign_department_id: e.target.value })}
          />
          <SelectField
            label={t('escalation.reassignAgent')}
            value={level.reassign_agent_id}
            error={at('reassign_agent_id')}
            options={[{ value: '', label: t('escalation.keepAgent') }, ...agents.filter((a) => a.is_active || String(a.id) === level.reassign_agent_id).map((a) => ({ value: String(a.id), label: a.name }))]}
            onChange={(e) => onChange({ reassign_agent_id: e.target.value })}
          />
          <SelectField
            label={t('escalation.raisePriority')}
            value={level.raise_priority_to}
            error={at('raise_priority_to')}
            options={[{ value: '', label: t('escalation.keepPriority') }, ...priorities.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))]}
            onChange={(e) => onChange({ raise_priority_to: e.target.value as LevelForm['raise_priority_to'] })}
          />
        </div>
      </div>
      <div className="escalation-level-foot">
        <button type="button" className="btn btn-ghost btn-md danger-text" onClick={onRemove}>
          {t('escalation.remove', { n })}
        </button>
      </div>
    </fieldset>
  );
}
