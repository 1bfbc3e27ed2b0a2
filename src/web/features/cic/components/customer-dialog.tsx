import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createCustomerBody, type Customer, patchCustomerBody } from '../../../../contract/customers.ts';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { TextAreaField } from '../../../components/ui/textarea-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formError } from '../../../lib/api-client.ts';
import { validate } from '../../../lib/validation.ts';
import { SaveButtons } from './save-buttons.tsx';
import { useRecordForm } from './use-record-form.ts';
import { useSaveCustomer } from '../api/save-customer.ts';

interface CustomerDialogProps {
  /** The customer to edit; none to add one. */
  customer?: Customer;
  onClose: () => void;
  /** After "Save and finish", with what was saved. */
  onFinished?: (customer: Customer) => void;
}

interface AttributeRow {
  key: string;
  value: string;
  /** The stored value, kept as it is (a number stays a number) while its text is not changed. */
  stored?: unknown;
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const asText = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The attribute rows as the API takes them: unnamed rows dropped, untouched values kept typed. */
const attributesOf = (rows: AttributeRow[]) =>
  Object.fromEntries(rows.filter((r) => r.key.trim() !== '').map((r) => [r.key.trim(), r.stored !== undefined && asText(r.stored) === r.value ? r.stored : r.value]));

/** Adds or edits a customer (company) with its own attributes: Save keeps the form open, Save and finish closes it. */
export function CustomerDialog({ customer: initial, onClose, onFinished }: CustomerDialogProps) {
  const { t } = useTranslation('cic');
  const { record: customer, errors, notice, setErrors, touched, outcome } = useRecordForm(initial, onClose, onFinished);
  const [form, setForm] = useState({ name: initial?.name ?? '', customer_code: initial?.customer_code ?? '', address: initial?.address ?? '', notes: initial?.notes ?? '' });
  const [rows, setRows] = useState<AttributeRow[]>(Object.entries(initial?.attributes ?? {}).map(([key, stored]) => ({ key, value: asText(stored), stored })));
  const save = useSaveCustomer();
  const set = (field: keyof typeof form) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    touched();
  };
  const setRow = (at: number, change: Partial<AttributeRow>) => setRows((all) => all.map((r, i) => (i === at ? { ...r, ...change } : r)));

  const submit = (submitter: string | undefined) => {
    const body = { name: form.name, customer_code: orNull(form.customer_code), address: orNull(form.address), notes: orNull(form.notes), attributes: attributesOf(rows) };
    const done = outcome(submitter);
    const checked = customer ? validate(patchCustomerBody, body) : validate(createCustomerBody, body);
    setErrors(checked.errors ?? {});
    if (!checked.data) return;
    if (customer) save.mutate({ id: customer.id, body: checked.data }, done);
    else save.mutate({ id: null, body: checked.data as z.input<typeof createCustomerBody> }, done);
  };

  const attributeError = Object.entries(errors).find(([field]) => field.startsWith('attributes'))?.[1];
  return (
    <FormDialog
      title={customer ? t('form.editCustomer', { name: customer.name }) : t('form.addCustomer')}
      isBusy={save.isPending}
      error={formError(save.error, [...Object.keys(form), 'attributes'])}
      notice={notice}
      onSubmit={submit}
      onClose={onClose}
      className="cic-form-dialog"
      actions={<SaveButtons isBusy={save.isPending} />}
    >
      <TextField label={t('form.name')} value={form.name} onChange={(e) => set('name')(e.target.value)} error={errors.name} required autoComplete="off" />
      <TextField label={t('info.code')} value={form.customer_code} onChange={(e) => set('customer_code')(e.target.value)} error={errors.customer_code} autoComplete="off" />
      <TextAreaField label={t('info.address')} rows={2} value={form.address} onChange={(e) => set('address')(e.target.value)} error={errors.address} />
      <TextAreaField label={t('info.notes')} rows={3} value={form.notes} onChange={(e) => set('notes')(e.target.value)} error={errors.notes} />
      <fieldset className="cic-attributes">
        <legend className="field-label">{t('form.attributes')}</legend>
        <p className="field-hint">{t('form.attributeNameHint')}</p>
        {rows.map((row, i) => (
          <div key={i} className="cic-attribute-row">
            <TextField label={t('form.attributeName')} value={row.key} onChange={(e) => setRow(i, { key: e.target.value })}/>
            <TextField label={t('form.attributeValue')} value={row.value} onChange={(e) => setRow(i, { value: e.target.value })} />
            <button type="button" className="btn btn-ghost btn-md cic-tool" aria-label={t('form.removeAttribute', { name: row.key || i + 1 })} onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>
              ×
            </button>
          </div>
        ))}
        {attributeError && <p className="field-error">{attributeError}</p>}
        <button type="button" className="btn btn-secondary btn-md cic-add-attribute" onClick={() => setRows((all) => [...all, { key: '', value: '' }])}>
          {t('form.addAttribute')}
        </button>
      </fieldset>
    </FormDialog>
  );
}
