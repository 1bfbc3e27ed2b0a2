import { useTranslation } from 'react-i18next';
import type { FieldInput, FieldInputs } from '../../../contract/ticket-field-display.ts';
import type { PublicTicketField } from '../../../contract/ticket-fields.ts';
import { TicketFieldInputs } from '../../components/ui/ticket-field-input.tsx';

interface RequestFieldsProps {
  /** The fields the workspace asks on this form (config.fields), in order. */
  fields: readonly PublicTicketField[];
  inputs: FieldInputs;
  errors: Record<string, string>;
  onChange: (key: string, value: FieldInput) => void;
}

/** The workspace's own questions on the request form, labelled in the customer's language; optional ones say so, as the form's others do. */
export function RequestFields({ fields, inputs, errors, onChange }: RequestFieldsProps) {
  const { t, i18n } = useTranslation('portal');
  const words = { none: t('fields.choose'), retired: (label: string) => label, optional: (label: string) => t('fields.optional', { label }) };
  return <TicketFieldInputs fields={fields} inputs={inputs} errors={errors} language={i18n.language} words={words} onChange={onChange} />;
}
