import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextChoice } from '../routing-rule-form.ts';

interface TextChoiceFieldProps {
  legend: string;
  anyLabel: string;
  /** The text box's own label, once "Only these" is chosen. */
  label: string;
  hint: string;
  /** Several lines (keywords) or one (sources). */
  isMultiline: boolean;
  value: TextChoice;
  onChange: (value: TextChoice) => void;
  error?: string;
}

/** A match list typed as text: "any", or the values written out. */
export function TextChoiceField({ legend, anyLabel, label, hint, isMultiline, value, onChange, error }: TextChoiceFieldProps) {
  const { t } = useTranslation('admin');
  const name = useId();
  const noteId = `${name}-note`;
  const wiring = { id: `${name}-text`, className: 'field-input', value: value.text, 'aria-invalid': error ? true : undefined, 'aria-describedby': noteId } as const;
  return (
    <fieldset className={['match-field', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <legend className="field-label">{legend}</legend>
      <div className="match-modes">
        <label className="check-item">
          <input type="radio" name={name} checked={value.isAny} onChange={() => onChange({ ...value, isAny: true })} />
          <span>{anyLabel}</span>
        </label>
        <label className="check-item">
          <input type="radio" name={name} checked={!value.isAny} onChange={() => onChange({ ...value, isAny: false })} />
          <span>{t('policies.onlyThese')}</span>
        </label>
      </div>
      {!value.isAny && (
        <>
          <label className="visually-hidden" htmlFor={wiring.id}>
            {label}
          </label>
          {isMultiline ? (
            <textarea {...wiring} className="field-input field-textarea match-text" rows={3} onChange={(e) => onChange({ isAny: false, text: e.target.value })} />
          ) : (
            <input {...wiring} autoComplete="off" onChange={(e) => onChange({ isAny: false, text: e.target.value })} />
          )}
        </>
      )}
      {(error || !value.isAny) && (
        <p className={error ? 'field-error' : 'field-hint'} id={noteId}>
          {error ?? hint}
        </p>
      )}
    </fieldset>
  );
}
