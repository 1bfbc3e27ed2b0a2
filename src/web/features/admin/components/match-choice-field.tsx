import { useTranslation } from 'react-i18next';
import type { MatchChoice } from '../match-choice.ts';
import { CheckList } from './check-list.tsx';
import { MatchFieldset } from './match-fieldset.tsx';

interface MatchChoiceFieldProps<T extends string | number> {
  legend: string;
  /** "Any priority", "Any department"… */
  anyLabel: string;
  value: MatchChoice<T>;
  options: readonly { value: T; label: string }[];
  onChange: (value: MatchChoice<T>) => void;
  error?: string;
}

/** A match list chosen from given values (priorities, channels, departments, categories), as checkboxes. */
export function MatchChoiceField<T extends string | number>({ legend, anyLabel, value, options, onChange, error }: MatchChoiceFieldProps<T>) {
  const { t } = useTranslation('admin');
  return (
    <MatchFieldset legend={legend} anyLabel={anyLabel} value={value} onChange={onChange} error={error} isGroupDescribed>
      {(noteId) =>
        options.length ? (
          <CheckList label={legend} options={options} chosen={value.chosen} onChange={(chosen) => onChange({ isAny: false, chosen })} describedBy={error ? noteId : undefined} isInvalid={Boolean(error)} />
        ) : (
          <p className="field-hint">{t('policies.noOptions')}</p>
        )
      }
    </MatchFieldset>
  );
}
