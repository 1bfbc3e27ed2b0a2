import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

interface MatchFieldsetProps<V extends { isAny: boolean }> {
  legend: string;
  /** "Any priority", "Any customer"… */
  anyLabel: string;
  value: V;
  onChange: (value: V) => void;
  error?: string;
  /** Under the values once "Only these" is chosen, while there is no error. */
  hint?: string;
  /** The group itself is described by its error: its values are several boxes, not one input that could be. */
  isGroupDescribed?: boolean;
  /** The values to give once "Only these" is chosen, given the id of the line under them (the error or the hint). */
  children: (noteId: string) => ReactNode;
}

/** One match list of a policy or rule: "Any …" or "Only these", and then the values. */
export function MatchFieldset<V extends { isAny: boolean }>({ legend, anyLabel, value, onChange, error, hint, isGroupDescribed, children }: MatchFieldsetProps<V>) {
  const { t } = useTranslation('admin');
  const name = useId();
  const noteId = `${name}-note`;
  const note = error ?? (value.isAny ? undefined : hint);
  return (
    <fieldset className={['match-field', error ? 'field-invalid' : ''].filter(Boolean).join(' ')} aria-describedby={isGroupDescribed && error ? noteId : undefined}>
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
      {!value.isAny && children(noteId)}
      {note && (
        <p className={error ? 'field-error' : 'field-hint'} id={noteId}>
          {note}
        </p>
      )}
    </fieldset>
  );
}
