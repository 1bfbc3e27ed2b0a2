import { useId } from 'react';

interface CheckListProps<T extends string | number> {
  /** The group's name for screen readers when it has no legend of its own. */
  label: string;
  options: readonly { value: T; label: string }[];
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
  /** The id of the error or hint the boxes are described by. */
  describedBy?: string;
  isInvalid?: boolean;
}

/** Several values of a list as checkboxes, kept in the options' order. */
export function CheckList<T extends string | number>({ label, options, chosen, onChange, describedBy, isInvalid }: CheckListProps<T>) {
  const name = useId();
  const toggle = (value: T, isOn: boolean) => onChange(options.map((o) => o.value).filter((v) => (v === value ? isOn : chosen.includes(v))));
  return (
    <div className="check-list" role="group" aria-label={label} aria-describedby={describedBy}>
      {options.map((option) => (
        <label key={option.value} className="check-item">
          <input
            type="checkbox"
            name={name}
            value={option.value}
            checked={chosen.includes(option.value)}
            aria-invalid={isInvalid || undefined}
            onChange={(e) => toggle(option.value, e.target.checked)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}
