import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DurationText } from '../duration.ts';

interface DurationFieldProps {
  legend: string;
  value: DurationText;
  onChange: (value: DurationText) => void;
  error?: string;
  hint?: string;
  /** The inputs' names (`<name>-hours`, `<name>-minutes`), so a refusal can take the focus to them. */
  name: string;
}

/** A duration typed as hours and minutes: a group named by its legend, its error read with either input. */
export function DurationField({ legend, value, onChange, error, hint, name }: DurationFieldProps) {
  const { t } = useTranslation('admin');
  const noteId = useId();
  const note = error ?? hint;
  const wiring = { 'aria-invalid': error ? true : undefined, 'aria-describedby': note ? noteId : undefined } as const;
  return (
    <fieldset className={['duration-field', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <legend className="field-label">{legend}</legend>
      <div className="duration-inputs">
        <label className="duration-part">
          <input className="field-input" name={`${name}-hours`} inputMode="numeric" autoComplete="off" maxLength={6} value={value.hours} onChange={(e) => onChange({ ...value, hours: e.target.value })} {...wiring} />
          <span>{t('duration.hoursLabel')}</span>
        </label>
        <label className="duration-part">
          <input className="field-input" name={`${name}-minutes`} inputMode="numeric" autoComplete="off" maxLength={2} value={value.minutes} onChange={(e) => onChange({ ...value, minutes: e.target.value })} {...wiring} />
          <span>{t('duration.minutesLabel')}</span>
        </label>
      </div>
      {note && (
        <p className={error ? 'field-error' : 'field-hint'} id={noteId}>
          {note}
        </p>
      )}
    </fieldset>
  );
}
