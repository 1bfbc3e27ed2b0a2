import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createCustomerUserBody, type CustomerUser, patchCustomerUserBody } from '../../../../contract/customers.ts';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { languageNames, languages } from '../../../i18n/languages.ts';
import { formError } from '../../../lib/api-client.ts';
import { validate } from '../../../lib/validation.ts';
import { SaveButtons } from './save-buttons.tsx';
import { useRecordForm } from './use-record-form.ts';
import { useSaveCustomerUser } from '../api/save-customer-user.ts';

interface CustomerUserDialogProps {
  /** The customer user to edit; none to add one. */
  user?: CustomerUser;
  /** The customer a new customer user belongs to, with its name to show. */
  customer?: { id: number; name: string } | null;
  onClose: () => void;
  /** After "Save and finish", with what was saved. */
  onFinished?: (user: CustomerUser) => void;
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** Adds or edits a customer user: Save keeps the form open, Save and finish closes it. */
export function CustomerUserDialog({ user: initial, customer, onClose, onFinished }: CustomerUserDialogProps) {
  const { t } = useTranslation('cic');
  const { record: user, errors, notice, setErrors, touched, outcome } = useRecordForm(initial, onClose, onFinished);
  const [form, setForm] = useState({
    name: initial?.name ?? '',
    email: initial?.email ?? '',
    phone: initial?.phone ?? '',
    language: initial?.language ?? 'en',
    loyalty_id: initial?.loyalty_id ?? '',
    valid: initial?.valid ?? true,
  });
  const save = useSaveCustomerUser();
  const set = (field: keyof typeof form) => (value: string | boolean) => {
    setForm((f) => ({ ...f, [field]: value }));
    touched();
  };

  const submit = (submitter: string | undefined) => {
    const body = { name: form.name, email: orNull(form.email), phone: orNull(form.phone), language: form.language, loyalty_id: orNull(form.loyalty_id), valid: form.valid };
    const done = outcome(submitter);
    const checked = user ? validate(patchCustomerUserBody, body) : validate(createCustomerUserBody, { ...body, customer_id: customer?.id ?? null });
    setErrors(checked.errors ?? {});
    if (!checked.data) return;
    if (user) save.mutate({ id: user.id, body: checked.data }, done);
    else save.mutate({ id: null, body: checked.data as z.input<typeof createCustomerUserBody> }, done);
  };

  return (
    <FormDialog
      title={user ? t('form.editUser', { name: user.name }) : t('form.addUser')}
      isBusy={save.isPending}
      error={formError(save.error, Object.keys(form))}
      notice={notice}
      onSubmit={submit}
      onClose={onClose}
      actions={<SaveButtons isBusy={save.isPending} />}
    >
      {customer && !user && <p className="muted">{t('form.forCustomer', { name: customer.name })}</p>}
      <TextField label={t('form.name')} value={form.name} onChange={(e) => set('name')(e.target.value)} error={errors.name} required autoComplete="off" />
      <TextField label={t('form.email')} type="email" value={form.email} onChange={(e) => set('email')(e.target.value)} error={errors.email} hint={t('form.emailOrPhone')} autoComplete="off" />
      <TextField label={t('form.phone')} type="tel" value={form.phone} onChange={(e) => set('phone')(e.target.value)} error={errors.phone} autoComplete="off" />
      <SelectField
        label={t('form.language')}
        value={form.language}
        onChange={(e) => set('language')(e.target.value)}
        options={languages.map((l) => ({ value: l, label: languageNames[l] }))}
        error={errors.language}
      />
      <TextField label={t('form.loyaltyId')} value={form.loyalty_id} onChange={(e) => set('loyalty_id')(e.target.value)} error={errors.loyalty_id} autoComplete="off" />
      <label className="checkbox">
        <input type="checkbox" checked={form.valid} onChange={(e) => set('valid')(e.target.checked)} /> {t('form.valid')}
      </label>
    </FormDialog>
  );
}
