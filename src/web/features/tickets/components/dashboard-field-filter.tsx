import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDismiss } from '../../../lib/use-dismiss.ts';
import { useTicketFields } from '../../admin/api/get-ticket-fields.ts';
import { chosenFieldValue, fieldFilterChoices, withFieldValue } from '../ticket-field-filters.ts';
import { type TicketFilters, writeTicketFilters } from '../ticket-filters.ts';

/**
 * A "Fields" button opening the workspace's drop-down, multiple choice and checkbox fields, each
 * with its values to filter by (one per field; several fields narrow together). Every choice goes
 * into the URL as `field=key:value`. Not shown while the workspace has no such field.
 */
export function DashboardFieldFilter({ filters }: { filters: TicketFilters }) {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const [params, setParams] = useSearchParams();
  const definitions = useTicketFields();
  const [isOpen, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(isOpen, close, root, button, 'input:checked');
  // The choice is the URL's, which follows a moment later: until then the radios show what was chosen.
  const given = (filters.field ?? []).join('\n');
  const [chosenHere, setChosenHere] = useState<{ given: string; field: string[] | undefined } | null>(null);
  const shown = chosenHere?.given === given ? chosenHere.field : filters.field;

  const words = { yes: t('customFields.yes'), no: t('customFields.no'), retired: (label: string) => t('customFields.retired', { label }) };
  const choices = fieldFilterChoices(definitions.data?.items ?? [], i18n.language, words);
  if (choices.length === 0) return null;
  const active = choices.filter((c) => chosenFieldValue(shown, c.key) !== undefined).length;
  const choose = (key: string, value: string | undefined) => {
    const field = withFieldValue(shown, key, value);
    setChosenHere({ given, field });
    setParams(writeTicketFilters(params, { ...filters, field }));
  };

  return (
    <div className="dash-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className={['dash-toggle', active ? 'dash-toggle-on' : ''].filter(Boolean).join(' ')}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen(!isOpen)}
      >
        {t('customFields.filter')}
        {active > 0 && <span className="dash-menu-count"> {active}</span>}
        <span className="dash-field-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={panelId} className="check-menu-panel dash-field-panel" role="group" aria-label={t('customFields.filterLegend')} hidden={!isOpen}>
        {choices.map((choice) => {
          const chosen = chosenFieldValue(shown, choice.key);
          const name = `${panelId}-${choice.key}`;
          return (
            <fieldset key={choice.key} className="check-menu-list dash-field-list">
              <legend>{choice.label}</legend>
              {[{ value: undefined, label: t('customFields.any') }, ...choice.options].map((option) => (
                <label key={option.value ?? ''} className="check-menu-option">
                  <input type="radio" name={name} checked={chosen === option.value} onChange={() => choose(choice.key, option.value)} />
                  <span>{option.label}</span>
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
    </div>
  );
}
