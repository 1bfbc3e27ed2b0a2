import type { TextareaHTMLAttributes } from 'react';
import { Field, type FieldProps } from './field.tsx';

type TextAreaFieldProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>;

/** A labelled multi-line input with its hint and its error, wired for screen readers. */
export function TextAreaField({ label, hint, error, className, rows = 6, ...textarea }: TextAreaFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(wiring) => <textarea className="field-input field-textarea" rows={rows} {...wiring} {...textarea} />}
    </Field>
  );
}
