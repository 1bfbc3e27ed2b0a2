import { type ReactNode, useId } from 'react';
import { emptyInput, type FieldInput, type FieldLike, fieldErrorPath, labelIn, offeredOptions } from '../../../contract/ticket-field-display.ts';
import { fieldLimits } from '../../../contract/ticket-fields.ts';
import './ticket-field-input.css';

export interface TicketFieldWords {
  /** The empty choice of a drop-down. */
  none: string;
  /** A retired option still chosen: "Garden (retired)". */
  retired: (label: string) => string;
  /**
   * Given, the optional fields are marked instead ("Order date (optional)"), as the portal's own
   * fields are; otherwise the required ones get a star.
   */
  optional?: (label: string) => string;
}

interface TicketFieldInputProps {
  field: FieldLike;
  value: FieldInput;
  onChange: (value: FieldInput) => void;
  error?: string;
  /** The language labels are shown in (English when a label has none in it). */
  language: string;
  words: TicketFieldWords;
  disabled?: boolean;
}

/**
 * One typed ticket field as the input its type asks for: a line or a box of text, a number, a
 * date, a drop-down, a list of checkboxes or one checkbox; required ones marked. Shared by the
 * agents' create form and ticket view and the portal's request form. The input is named
 * `custom_fields.<key>`, the path a refusal names it by.
 */
export function TicketFieldInput({ field, value, onChange, error, language, words, disabled }: TicketFieldInputProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const label = !field.required && words.optional ? words.optional(labelIn(field.labels, language)) : labelIn(field.labels, language);
  const name = `custom_fields.${field.key}`;
  const mark = field.required && !words.optional ? (
    <span className="ticket-field-required" aria-hidden="true">
      *
    </span>
  ) : null;
  const wiring = { id, name, disabled, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined } as const;
  const errorLine = error ? (
    <p className="field-error" id={errorId}>
      {error}
    </p>
  ) : null;
  const text = typeof value === 'string' ? value : '';

  if (field.type === 'multi_select') {
    const chosen = Array.isArray(value) ? value : [];
    const toggle = (key: string, isOn: boolean) => onChange(field.options.map((o) => o.key).filter((k) => (k === key ? isOn : chosen.includes(k))));
    return (
      <fieldset className={cls('field ticket-field ticket-field-group', error && 'field-invalid')} aria-describedby={error ? errorId : undefined} disabled={disabled}>
        <legend className="field-label">
          {label}
          {mark}
        </legend>
        <div className="ticket-field-checks">
          {offeredOptions(field, chosen, language).map((o) => (
            <label key={o.key} className="ticket-field-check">
              <input type="checkbox" name={name} value={o.key} checked={chosen.includes(o.key)} aria-invalid={error ? true : undefined} onChange={(e) => toggle(o.key, e.target.checked)} />
              <span>{o.retired ? words.retired(o.label) : o.label}</span>
            </label>
          ))}
        </div>
        {errorLine}
      </fieldset>
    );
  }
  if (field.type === 'checkbox') {
    return (
      <div className={cls('field ticket-field', error && 'field-invalid')}>
        <label className="ticket-field-check ticket-field-single" htmlFor={id}>
          <input type="checkbox" {...wiring} required={field.required} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          <span>
            {label}
            {mark}
          </span>
        </label>
        {errorLine}
      </div>
    );
  }

  let control: ReactNode;
  if (field.type === 'select') {
    const options = offeredOptions(field, text ? [text] : [], language);
    // A value no option has any more (deleted from the definition) stays shown, by its key.
    const unknown = text && !options.some((o) => o.key === text) ? [{ key: text, label: text, retired: false }] : [];
    control = (
      <select className="field-input" {...wiring} required={field.required} value={text} onChange={(e) => onChange(e.target.value)}>
        <option value="">{words.none}</option>
        {[...options, ...unknown].map((o) => (
          <option key={o.key} value={o.key}>
            {o.retired ? words.retired(o.label) : o.label}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'long_text') {
    control = <textarea className="field-input field-textarea ticket-field-textarea" rows={3} maxLength={fieldLimits.longTextMax} {...wiring} required={field.required} value={text} onChange={(e) => onChange(e.target.value)} />;
  } else {
    const kind = field.type === 'date' ? { type: 'date' } : field.type === 'number' ? { type: 'text', inputMode: 'decimal' as const } : { type: 'text', maxLength: fieldLimits.textMax };
    control = <input className="field-input" autoComplete="off" {...kind} {...wiring} required={field.required} value={text} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className={cls('field ticket-field', error && 'field-invalid')}>
      <label className="field-label" htmlFor={id}>
        {label}
        {mark}
      </label>
      {control}
      {errorLine}
    </div>
  );
}

const cls = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

/** A form's ticket fields, in order, each with its value and the refusal at its path. */
export function TicketFieldInputs({
  fields,
  inputs,
  errors,
  language,
  words,
  onChange,
}: {
  fields: readonly (FieldLike & { key: string })[];
  inputs: Readonly<Record<string, FieldInput>>;
  errors: Record<string, string>;
  language: string;
  words: TicketFieldWords;
  onChange: (key: string, value: FieldInput) => void;
}) {
  return fields.map((field) => (
    <TicketFieldInput
      key={field.key}
      field={field}
      value={inputs[field.key] ?? emptyInput(field.type)}
      error={errors[fieldErrorPath(field.key)]}
      language={language}
      words={words}
      onChange={(value) => onChange(field.key, value)}
    />
  ));
}
