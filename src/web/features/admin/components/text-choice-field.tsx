import { useId } from 'react';
import type { TextChoice } from '../routing-rule-form.ts';
import { MatchFieldset } from './match-fieldset.tsx';

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
  const id = useId();
  return (
    <MatchFieldset legend={legend} anyLabel={anyLabel} value={value} onChange={onChange} error={error} hint={hint}>
      {(noteId) => {
        const wiring = { id, className: 'field-input', value: value.text, 'aria-invalid': error ? true : undefined, 'aria-describedby': noteId } as const;
        return (
          <>
            <label className="visually-hidden" htmlFor={id}>
              {label}
            </label>
            {isMultiline ? (
              <textarea {...wiring} className="field-input field-textarea match-text" rows={3} onChange={(e) => onChange({ isAny: false, text: e.target.value })} />
            ) : (
              <input {...wiring} autoComplete="off" onChange={(e) => onChange({ isAny: false, text: e.target.value })} />
            )}
          </>
        );
      }}
    </MatchFieldset>
  );
}
