import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchChoice } from '../sla-policy-form.ts';
import { CheckList } from './check-list.tsx';

interface MatchChoiceFieldProps<T extends string | number> {
  legend: string;
  /** "Any priority", "Any department"… */
  anyLabel: string;
  value: MatchChoice<T>;
  options: readonly { value: T; label: string }[];
  onChange: (value: MatchChoice<T>) => void;
  error?: string;
}

/** One match list of a policy: "any" or "only these", and the values to choose from once it is the latter. */
export function MatchChoiceField<T extends string | number>({ legend, anyLabel, value, options, onChange, error }: MatchChoiceFieldProps<T>) {
  const { t } = useTranslation('admin');
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset className={['match-field', error ? 'field-invalid' : ''].filter(Boolean).join(' ')} aria-describedby={error ? errorId : undefined}>
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
      {!value.isAny &&
        (options.length ? (
          <CheckList label={legend} options={options} chosen={value.chosen} onChange={(chosen) => onChange({ isAny: false, chosen })} describedBy={error ? errorId : undefined} isInvalid={Boolean(error)} />
        ) : (
          <p className="field-hint">{t('policies.noOptions')}</p>
        ))}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
