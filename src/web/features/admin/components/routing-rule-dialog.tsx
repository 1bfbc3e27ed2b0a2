import { useTranslation } from 'react-i18next';
import type { Category, Department } from '../../../../contract/admin.ts';
import type { RoutingRule } from '../../../../contract/routing.ts';
import { channels } from '../../../../contract/tickets.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useSaveRoutingRule } from '../api/save-routing-rule.ts';
import { categoryOptions } from '../match-choice.ts';
import { checkRule, type RuleForm, ruleErrorField, ruleToForm } from '../routing-rule-form.ts';
import { CustomerPicker } from './customer-picker.tsx';
import { MatchChoiceField } from './match-choice-field.tsx';
import { TextChoiceField } from './text-choice-field.tsx';
import { fieldErrorsAt, useDialogForm } from './use-dialog-form.ts';

interface RoutingRuleDialogProps {
  /** The rule to change; none to add one after the others. */
  rule?: RoutingRule;
  departments: Department[];
  categories: Category[];
  onClose: () => void;
  onSaved: (rule: RoutingRule) => void;
}

/** Adds or changes a routing rule: what it matches and the department it sends the ticket to. */
export function RoutingRuleDialog({ rule, departments, categories, onClose, onSaved }: RoutingRuleDialogProps) {
  const { t } = useTranslation(['admin', 'common']);
  const save = useSaveRoutingRule();
  const { form, change, errors, submit, container } = useDialogForm({
    initial: (): RuleForm => ruleToForm(rule),
    check: checkRule,
    id: rule?.id ?? null,
    save,
    serverErrors: (error) => fieldErrorsAt(error, ruleErrorField),
    onSaved,
    onClose,
  });

  return (
    <FormDialog
      title={rule ? t('routing.editTitle', { name: rule.name }) : t('routing.addTitle')}
      isBusy={save.isPending}
      error={save.isError && Object.keys(errors).length === 0 ? t('routing.saveFailed', { message: save.error.message }) : null}
      onSubmit={submit}
      onClose={onClose}
      className="policy-dialog"
      actions={
        <Button type="submit" isBusy={save.isPending}>
          {rule ? t('routing.save') : t('routing.add')}
        </Button>
      }
    >
      <div ref={container} className="form">
        <div className="calendar-basics">
          <TextField label={t('routing.name')} name="name" value={form.name} error={errors.name} autoComplete="off" required onChange={(e) => change({ name: e.target.value })} />
          <SelectField
            label={t('routing.department')}
            name="department_id"
            value={form.department_id}
            error={errors.department_id}
            options={[{ value: '', label: '—' }, ...departments.map((d) => ({ value: String(d.id), label: d.name }))]}
            onChange={(e) => change({ department_id: e.target.value })}
          />
        </div>
        <fieldset className="form-section">
          <legend>{t('routing.matchesLegend')}</legend>
          <p className="field-hint">{t('routing.matchesHint')}</p>
          <div className="match-grid">
            <MatchChoiceField
              legend={t('routing.channels')}
              anyLabel={t('routing.anyChannel')}
              value={form.channels}
              options={channels.map((c) => ({ value: c, label: t(`common:channel.${c}`) }))}
              error={errors.channels}
              onChange={(value) => change({ channels: value })}
            />
            <MatchChoiceField
              legend={t('routing.categories')}
              anyLabel={t('routing.anyCategory')}
              value={form.category_ids}
              options={categoryOptions(categories, form.category_ids.chosen)}
              error={errors.category_ids}
              onChange={(value) => change({ category_ids: value })}
            />
            <TextChoiceField
              legend={t('routing.sources')}
              anyLabel={t('routing.anySource')}
              label={t('routing.sourcesLabel')}
              hint={t('routing.sourcesHint')}
              isMultiline={false}
              value={form.sources}
              error={errors.sources}
              onChange={(value) => change({ sources: value })}
            />
            <TextChoiceField
              legend={t('routing.keywords')}
              anyLabel={t('routing.anyKeywords')}
              label={t('routing.keywordsLabel')}
              hint={t('routing.keywordsHint')}
              isMultiline
              value={form.subject_keywords}
              error={errors.subject_keywords}
              onChange={(value) => change({ subject_keywords: value })}
            />
            <CustomerPicker value={form.customer_ids} error={errors.customer_ids} onChange={(value) => change({ customer_ids: value })} />
          </div>
        </fieldset>
        <label className="switch-field">
          <input type="checkbox" role="switch" name="is_active" checked={form.is_active} onChange={(e) => change({ is_active: e.target.checked })} />
          <span className="field-label">{t('routing.active')}</span>
        </label>
      </div>
    </FormDialog>
  );
}
