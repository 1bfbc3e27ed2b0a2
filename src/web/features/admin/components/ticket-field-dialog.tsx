import { isChoiceType } from '../../../../contract/ticket-fields.ts';
import { useTranslation } from 'react-i18next';
import { labelIn } from '../../../../contract/ticket-field-display.ts';
import { type TicketField, ticketFieldTypes, type TicketFieldType } from '../../../../contract/ticket-fields.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useSaveTicketField } from '../api/save-ticket-field.ts';
import { checkTicketField, type TicketFieldBody, type TicketFieldForm, ticketFieldSaveErrors, ticketFieldToForm, withType } from '../ticket-field-form.ts';
import { TicketFieldOptions } from './ticket-field-options.tsx';
import { useDialogForm } from './use-dialog-form.ts';

interface TicketFieldDialogProps {
  /** The field to change; none to add one. */
  field?: TicketField;
  onClose: () => void;
  onSaved: (field: TicketField) => void;
}

const flags = [
  { flag: 'required', label: 'fields.form.required', hint: 'fields.form.requiredHint' },
  { flag: 'customer_visible', label: 'fields.form.customerVisible', hint: 'fields.form.customerVisibleHint' },
  { flag: 'on_agent_form', label: 'fields.form.onAgentForm', hint: null },
  { flag: 'on_portal_form', label: 'fields.form.onPortalForm', hint: null },
] as const;

/**
 * Adds a typed ticket field or changes one: its labels in English and Bahasa Indonesia, the
 * options of a choice field, whether it is required, who sees it and which forms ask it. The key
 * and type are chosen once, when it is added.
 */
export function TicketFieldDialog({ field, onClose, onSaved }: TicketFieldDialogProps) {
  const { t, i18n } = useTranslation('admin');
  const saving = useSaveTicketField();
  const save = {
    mutate: ({ id, body }: { id: number | null; body: TicketFieldBody }, options: { onSuccess: (saved: TicketField) => void; onError: (error: Error) => void }) =>
      saving.mutate(body.create ? { id: null, body: body.create } : { id: id ?? 0, body: body.patch }, options),
    reset: saving.reset,
  };
  const { form, change, errors, submit, container } = useDialogForm({
    initial: (): TicketFieldForm => ticketFieldToForm(field),
    check: (f: TicketFieldForm) => checkTicketField(f, !field),
    id: field?.id ?? null,
    save,
    serverErrors: ticketFieldSaveErrors,
    onSaved,
    onClose,
  });

  return (
    <FormDialog
      title={field ? t('fields.form.editTitle', { name: labelIn(field.labels, i18n.language) }) : t('fields.form.addTitle')}
      isBusy={saving.isPending}
      error={saving.isError && Object.keys(errors).length === 0 ? t('fields.form.saveFailed', { message: saving.error.message }) : null}
      onSubmit={submit}
      onClose={onClose}
      className="ticket-field-dialog"
      actions={
        <Button type="submit" isBusy={saving.isPending}>
          {field ? t('fields.form.save') : t('fields.form.add')}
        </Button>
      }
    >
      <div ref={container} className="form">
        {field ? (
          <div className="ticket-field-fixed">
            <dl>
              <div>
                <dt>{t('fields.form.fixedKey')}</dt>
                <dd>
                  <code>{field.key}</code>
                </dd>
              </div>
              <div>
                <dt>{t('fields.form.fixedType')}</dt>
                <dd>{t(`fields.typeLong.${field.type}`)}</dd>
              </div>
            </dl>
            <p className="field-hint">{t('fields.form.fixed')}</p>
          </div>
        ) : (
          <div className="ticket-field-new">
            <SelectField
              label={t('fields.form.type')}
              name="type"
              value={form.type}
              error={errors.type}
              hint={t('fields.form.fixed')}
              options={ticketFieldTypes.map((type) => ({ value: type, label: t(`fields.typeLong.${type}`) }))}
              onChange={(e) => change(withType(form, e.target.value as TicketFieldType))}
            />
            <TextField
              label={t('fields.form.key')}
              name="key"
              value={form.key}
              error={errors.key}
              hint={t('fields.form.keyHint')}
              autoComplete="off"
              spellCheck={false}
              maxLength={63}
              className="ticket-field-key-input"
              onChange={(e) => change({ key: e.target.value })}
            />
          </div>
        )}
        <div className="ticket-field-labels">
          <TextField label={t('fields.form.labelEn')} name="label_en" value={form.en} error={errors.en} required maxLength={100} autoComplete="off" onChange={(e) => change({ en: e.target.value })} />
          <TextField
            label={t('fields.form.labelId')}
            name="label_id"
            value={form.id}
            error={errors.id}
            hint={t('fields.form.labelIdHint')}
            maxLength={100}
            autoComplete="off"
            onChange={(e) => change({ id: e.target.value })}
          />
        </div>
        {isChoiceType(form.type) && <TicketFieldOptions rows={form.options} errors={errors} onChange={(options) => change({ options })} />}
        <fieldset className="ticket-field-flags">
          <legend className="field-label">{t('fields.form.settings')}</legend>
          {flags.map(({ flag, label, hint }) => (
            <div key={flag} className="ticket-field-flag">
              <label className="switch-field">
                <input type="checkbox" name={flag} checked={form[flag]} aria-describedby={hint ? `ticket-field-${flag}-hint` : undefined} onChange={(e) => change({ [flag]: e.target.checked })} />
                <span>{t(label)}</span>
              </label>
              {hint && (
                <p className="field-hint" id={`ticket-field-${flag}-hint`}>
                  {t(hint)}
                </p>
              )}
            </div>
          ))}
        </fieldset>
      </div>
    </FormDialog>
  );
}
