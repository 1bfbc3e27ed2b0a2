import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge.tsx';
import { addOption, moveOption, type OptionRow, retireOption } from '../ticket-field-form.ts';

interface TicketFieldOptionsProps {
  rows: OptionRow[];
  /** The dialog's errors: `options` for the list, `option.<index>.en|id` for one option's label. */
  errors: Record<string, string>;
  onChange: (rows: OptionRow[]) => void;
}

/**
 * The options of a drop-down or multiple choice field: add, rename in both languages, put in
 * order, retire and restore. A retired option is no longer offered; tickets that have it keep it
 * and still show its label. An option added here and not yet saved is simply removed.
 */
export function TicketFieldOptions({ rows, errors, onChange }: TicketFieldOptionsProps) {
  const { t } = useTranslation('admin');
  const hintId = useId();
  const errorId = useId();
  const add = () => {
    onChange(addOption(rows));
    // The new row's English label takes the focus once it is on the page.
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.ticket-field-option:last-child input')?.focus());
  };
  return (
    <fieldset
      className="ticket-field-options-editor"
      aria-describedby={[errors.options ? errorId : '', hintId].filter(Boolean).join(' ')}
    >
      <legend className="field-label">{t('fields.form.options')}</legend>
      <p className="field-hint" id={hintId}>
        {t('fields.form.optionsHint')}
      </p>
      {errors.options && (
        <p className="field-error" id={errorId}>
          {errors.options}
        </p>
      )}
      {rows.length > 0 && (
        <div className="ticket-field-option-head" aria-hidden="true">
          <span />
          <span>{t('fields.form.optionEn')}</span>
          <span>{t('fields.form.optionId')}</span>
        </div>
      )}
      <ol className="ticket-field-option-list">
        {rows.map((row, index) => {
          const n = index + 1;
          const enError = errors[`option.${index}.en`];
          const idError = errors[`option.${index}.id`];
          const isNew = row.key === null;
          return (
            <li key={row.uid} className={['ticket-field-option', row.retired ? 'ticket-field-option-retired' : ''].filter(Boolean).join(' ')}>
              <span className="ticket-field-option-number">{n}</span>
              <input
                className="field-input"
                aria-label={t('fields.form.optionEnNamed', { n })}
                // A problem of the whole list takes the focus to the first option.
                aria-invalid={enError || (errors.options && index === 0) ? true : undefined}
                value={row.en}
                maxLength={100}
                autoComplete="off"
                onChange={(e) => onChange(rows.map((r, i) => (i === index ? { ...r, en: e.target.value } : r)))}
              />
              <input
                className="field-input"
                aria-label={t('fields.form.optionIdNamed', { n })}
                aria-invalid={idError ? true : undefined}
                value={row.id}
                maxLength={100}
                autoComplete="off"
                onChange={(e) => onChange(rows.map((r, i) => (i === index ? { ...r, id: e.target.value } : r)))}
              />
              <span className="move-buttons">
                <button type="button" className="btn btn-ghost btn-md icon-button" aria-label={t('fields.form.optionUp', { n })} disabled={index === 0} onClick={() => onChange(moveOption(rows, index, -1))}>
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-md icon-button"
                  aria-label={t('fields.form.optionDown', { n })}
                  disabled={index === rows.length - 1}
                  onClick={() => onChange(moveOption(rows, index, 1))}
                >
                  <span aria-hidden="true">↓</span>
                </button>
              </span>
              <button
                type="button"
                className="btn btn-ghost btn-md ticket-field-option-retire"
                aria-label={t(row.retired ? 'fields.form.restoreOptionNamed' : isNew ? 'fields.form.removeNamed' : 'fields.form.retireOptionNamed', { n })}
                onClick={() => onChange(retireOption(rows, index, !row.retired))}
              >
                {t(row.retired ? 'fields.form.restoreOption' : isNew ? 'fields.form.remove' : 'fields.form.retireOption')}
              </button>
              {(row.retired || enError || idError) && (
                <div className="ticket-field-option-note">
                  {row.retired && <Badge>{t('fields.form.optionRetired')}</Badge>}
                  {(enError ?? idError) && <span className="field-error">{enError ?? idError}</span>}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div>
        <button type="button" className="btn btn-secondary btn-md" onClick={add}>
          {t('fields.form.addOption')}
        </button>
      </div>
    </fieldset>
  );
}
