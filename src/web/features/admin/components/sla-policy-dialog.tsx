import { useTranslation } from 'react-i18next';
import type { Category, Department } from '../../../../contract/admin.ts';
import type { Calendar, SlaPolicy } from '../../../../contract/sla.ts';
import { channels, priorities } from '../../../../contract/tickets.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useSaveSlaPolicy } from '../api/save-sla-policy.ts';
import { categoryOptions } from '../match-choice.ts';
import { checkPolicy, type MatchField, type PolicyForm, policyErrorField, policyToForm, targetFields } from '../sla-policy-form.ts';
import { DurationField } from './duration-field.tsx';
import { MatchChoiceField } from './match-choice-field.tsx';
import { fieldErrorsAt, useDialogForm } from './use-dialog-form.ts';

interface SlaPolicyDialogProps {
  /** The policy to change; none to add one after the others. */
  policy?: SlaPolicy;
  departments: Department[];
  categories: Category[];
  calendars: Calendar[];
  onClose: () => void;
  onSaved: (policy: SlaPolicy) => void;
}

/** Adds or changes an SLA policy: what it matches, its targets in business time, its calendar, and whether it is active. */
export function SlaPolicyDialog({ policy, departments, categories, calendars, onClose, onSaved }: SlaPolicyDialogProps) {
  const { t } = useTranslation(['admin', 'common']);
  const save = useSaveSlaPolicy();
  const { form, change, errors, submit, container } = useDialogForm({
    initial: (): PolicyForm => policyToForm(policy),
    check: checkPolicy,
    id: policy?.id ?? null,
    save,
    serverErrors: (error) => fieldErrorsAt(error, policyErrorField),
    onSaved,
    onClose,
  });
  const setMatch = <F extends MatchField>(field: F) => (value: PolicyForm[F]) => change({ [field]: value } as Partial<PolicyForm>);

  return (
    <FormDialog
      title={policy ? t('policies.editTitle', { name: policy.name }) : t('policies.addTitle')}
      isBusy={save.isPending}
      error={save.isError && Object.keys(errors).length === 0 ? t('policies.saveFailed', { message: save.error.message }) : null}
      onSubmit={submit}
      onClose={onClose}
      className="policy-dialog"
      actions={
        <Button type="submit" isBusy={save.isPending}>
          {policy ? t('policies.save') : t('policies.add')}
        </Button>
      }
    >
      <div ref={container} className="form">
        <TextField label={t('policies.name')} name="name" value={form.name} error={errors.name} autoComplete="off" required onChange={(e) => change({ name: e.target.value })} />
        <fieldset className="form-section">
          <legend>{t('policies.matchesLegend')}</legend>
          <p className="field-hint">{t('policies.matchesHint')}</p>
          <div className="match-grid">
            <MatchChoiceField
              legend={t('policies.priorities')}
              anyLabel={t('policies.anyPriority')}
              value={form.priorities}
              options={priorities.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))}
              error={errors.priorities}
              onChange={setMatch('priorities')}
            />
            <MatchChoiceField
              legend={t('policies.channels')}
              anyLabel={t('policies.anyChannel')}
              value={form.channels}
              options={channels.map((c) => ({ value: c, label: t(`common:channel.${c}`) }))}
              error={errors.channels}
              onChange={setMatch('channels')}
            />
            <MatchChoiceField
              legend={t('policies.departments')}
              anyLabel={t('policies.anyDepartment')}
              value={form.department_ids}
              options={departments.map((d) => ({ value: d.id, label: d.name }))}
              error={errors.department_ids}
              onChange={setMatch('department_ids')}
            />
            <MatchChoiceField
              legend={t('policies.categories')}
              anyLabel={t('policies.anyCategory')}
              value={form.category_ids}
              options={categoryOptions(categories, form.category_ids.chosen)}
              error={errors.category_ids}
              onChange={setMatch('category_ids')}
            />
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('policies.targetsLegend')}</legend>
          <p className="field-hint">{t('policies.targetsHint')}</p>
          <div className="target-grid">
            {targetFields.map((field) => (
              <DurationField
                key={field}
                name={field}
                legend={t(`policies.target.${field}`)}
                value={form.targets[field]}
                error={errors[field]}
                onChange={(value) => change({ targets: { ...form.targets, [field]: value } })}
              />
            ))}
          </div>
          <div className="target-grid">
            <TextField
              label={t('policies.warningPercent')}
              name="warning_percent"
              inputMode="numeric"
              maxLength={2}
              value={form.warning_percent}
              error={errors.warning_percent}
              hint={t('policies.warningHint')}
              onChange={(e) => change({ warning_percent: e.target.value })}
            />
            <SelectField
              label={t('policies.calendar')}
              name="calendar_id"
              value={form.calendar_id}
              error={errors.calendar_id}
              options={[{ value: '', label: t('policies.calendarInherited') }, ...calendars.map((c) => ({ value: String(c.id), label: c.name }))]}
              onChange={(e) => change({ calendar_id: e.target.value })}
            />
          </div>
        </fieldset>
        <label className="switch-field">
          <input type="checkbox" role="switch" name="is_active" checked={form.is_active} onChange={(e) => change({ is_active: e.target.checked })} />
          <span className="field-label">{t('policies.active')}</span>
        </label>
      </div>
    </FormDialog>
  );
}
