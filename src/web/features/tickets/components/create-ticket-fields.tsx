import { useTranslation } from 'react-i18next';
import type { FieldInput } from '../../../../contract/ticket-field-display.ts';
import type { TicketField } from '../../../../contract/ticket-fields.ts';
import { TicketFieldInputs } from '../../../components/ui/ticket-field-input.tsx';

interface CreateTicketFieldsProps {
  /** The fields the agents' form asks, in form order. */
  fields: readonly TicketField[];
  inputs: Readonly<Record<string, FieldInput>>;
  errors: Record<string, string>;
  isLoadFailed: boolean;
  onRetry: () => void;
  onChange: (key: string, value: FieldInput) => void;
}

/** The workspace's typed ticket fields on the create form (Admin › Ticket fields), each as the input its type asks for. */
export function CreateTicketFields({ fields, inputs, errors, isLoadFailed, onRetry, onChange }: CreateTicketFieldsProps) {
  const { t, i18n } = useTranslation('create');
  if (fields.length === 0 && !isLoadFailed) return null;
  const words = { none: t('customFields.choose'), retired: (label: string) => t('customFields.retired', { label }) };
  return (
    <fieldset className="form-section create-ticket-fields">
      <legend>{t('customFields.legend')}</legend>
      {isLoadFailed && (
        <p className="field-error">
          {t('customFields.loadFailed')}{' '}
          <button type="button" className="link-button" onClick={onRetry}>
            {t('customFields.retry')}
          </button>
        </p>
      )}
      {fields.some((f) => f.required) && <p className="field-hint">{t('customFields.requiredNote')}</p>}
      <div className="create-ticket-field-grid">
        <TicketFieldInputs fields={fields} inputs={inputs} errors={errors} language={i18n.language} words={words} onChange={onChange} />
      </div>
    </fieldset>
  );
}
