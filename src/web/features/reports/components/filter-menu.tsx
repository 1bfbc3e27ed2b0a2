import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDismiss } from '../../../lib/use-dismiss.ts';

export interface FilterOption {
  value: string;
  label: string;
}

interface FilterMenuProps {
  label: string;
  name: string;
  options: readonly FilterOption[];
  chosen: readonly string[];
  /** The list is still on its way, or could not be loaded. */
  isLoading?: boolean;
  loadFailed?: boolean;
  error?: string;
  onChange: (chosen: string[]) => void;
}

/**
 * One filter of a report: a button saying what is chosen ("Department: Any", "Returns", "3 chosen")
 * that opens a list of checkboxes; none ticked means any. Escape or a click elsewhere closes it.
 */
export function FilterMenu({ label, name, options, chosen, isLoading, loadFailed, error, onChange }: FilterMenuProps) {
  const { t } = useTranslation('reports');
  const [isOpen, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const errorId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(isOpen, close, root, button, 'input');

  // The choice is the URL's, which follows a moment later: until then the boxes show what was ticked, not what was.
  const given = chosen.join(',');
  const [ticked, setTicked] = useState<{ given: string; values: string[] } | null>(null);
  const [lastGiven, setLastGiven] = useState(given);
  if (lastGiven !== given) {
    // The URL moved on (this choice, Back, "Clear filters"): it is the choice again.
    setLastGiven(given);
    setTicked(null);
  }
  const shown = ticked?.given === given ? ticked.values : chosen;
  const choose = (values: string[]) => {
    setTicked({ given, values });
    onChange(values);
  };

  // A value the URL names that the list does not have (removed since, or not loaded yet) stays chosen, by its value.
  const all = [...options, ...shown.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: isLoading ? '…' : v }))];
  const summary = shown.length === 0 ? t('filters.any') : shown.length === 1 ? (all.find((o) => o.value === shown[0])?.label ?? shown[0]) : t('filters.chosen', { count: shown.length });
  const toggle = (value: string, isOn: boolean) => choose(all.map((o) => o.value).filter((v) => (v === value ? isOn : shown.includes(v))));

  return (
    <div className={['report-filter', error ? 'field-invalid' : ''].filter(Boolean).join(' ')} ref={root}>
      <button
        ref={button}
        type="button"
        className={['btn', 'btn-secondary', 'btn-md', 'report-filter-button', shown.length ? 'report-filter-on' : ''].filter(Boolean).join(' ')}
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onClick={() => setOpen(!isOpen)}
      >
        <span className="report-filter-name">{label}:</span> <span className="report-filter-value">{summary}</span>
        <span className="report-filter-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={panelId} className="check-menu-panel report-filter-panel" hidden={!isOpen}>
        <fieldset className="check-menu-list report-filter-list">
          <legend>{label}</legend>
          {isLoading && all.length === 0 && <p className="muted">{t('filters.loading')}</p>}
          {loadFailed && <p className="field-error">{t('filters.listFailed')}</p>}
          {!isLoading && !loadFailed && all.length === 0 && <p className="muted">{t('filters.noOptions')}</p>}
          {all.map((option) => (
            <label key={option.value} className="check-menu-option">
              <input type="checkbox" name={name} value={option.value} checked={shown.includes(option.value)} onChange={(e) => toggle(option.value, e.target.checked)} />
              <span>{option.label}</span>
            </label>
          ))}
        </fieldset>
        {shown.length > 0 && (
          <button type="button" className="link-button report-filter-clear" onClick={() => choose([])}>
            {t('filters.anyOf', { name: label })}
          </button>
        )}
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
