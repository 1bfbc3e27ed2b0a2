import { useId } from 'react';

interface CheckboxGroupProps<T extends string> {
  legend: string;
  name: string;
  values: readonly T[];
  chosen: readonly T[];
  label: (value: T) => string;
  error?: string;
  onChange: (chosen: T[]) => void;
}

/** Several values of one criterion as a fieldset of checkboxes; none ticked means any. */
export function CheckboxGroup<T extends string>({ legend, name, values, chosen, label, error, onChange }: CheckboxGroupProps<T>) {
  const errorId = useId();
  const toggle = (value: T, isOn: boolean) => onChange(values.filter((v) => (v === value ? isOn : chosen.includes(v))));
  return (
    <fieldset className={['search-checks', error ? 'field-invalid' : ''].filter(Boolean).join(' ')} aria-describedby={error ? errorId : undefined}>
      <legend className="field-label">{legend}</legend>
      <div className="search-checks-list">
        {values.map((value) => (
          <label key={value} className="search-check">
            <input type="checkbox" name={name} value={value} checked={chosen.includes(value)} onChange={(e) => toggle(value, e.target.checked)} />
            {label(value)}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
