import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readStored, writeStored } from '../../../lib/storage.ts';
import { useDismiss } from '../../../lib/use-dismiss.ts';
import { type ColumnId, columnsStorageKey, dashboardColumns, isRequiredColumn, parseHiddenColumns, serializeHiddenColumns } from '../dashboard-columns.ts';

/** The columns this browser hides, saved as the agent changes them. */
export function useHiddenColumns(): [ReadonlySet<ColumnId>, (id: ColumnId, isShown: boolean) => void] {
  const [hidden, setHidden] = useState(() => parseHiddenColumns(readStored(columnsStorageKey)));
  const setShown = useCallback(
    (id: ColumnId, isShown: boolean) => {
      const next = new Set(hidden);
      if (isShown) next.delete(id);
      else next.add(id);
      setHidden(next);
      writeStored(columnsStorageKey, serializeHiddenColumns(next));
    },
    [hidden],
  );
  return [hidden, setShown];
}

interface ColumnsMenuProps {
  hidden: ReadonlySet<ColumnId>;
  onChange: (id: ColumnId, isShown: boolean) => void;
}

/** A "Columns" button opening a list of checkboxes; Escape or a click elsewhere closes it. */
export function DashboardColumnsMenu({ hidden, onChange }: ColumnsMenuProps) {
  const { t } = useTranslation('dashboard');
  const [isOpen, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const close = useCallback(() => setOpen(false), []);
  useDismiss(isOpen, close, root, button, 'input:not(:disabled)');

  const shownCount = dashboardColumns.length - hidden.size;
  return (
    <div className="dash-menu" ref={root}>
      <button ref={button} type="button" className="btn btn-secondary btn-md" aria-expanded={isOpen} aria-controls={panelId} onClick={() => setOpen(!isOpen)}>
        {t('columnsMenu.button')}
        <span className="dash-menu-count" aria-hidden="true">
          {shownCount}/{dashboardColumns.length}
        </span>
      </button>
      <div id={panelId} className="check-menu-panel dash-menu-panel" hidden={!isOpen}>
        <fieldset className="check-menu-list">
          <legend>{t('columnsMenu.legend')}</legend>
          {dashboardColumns.map((column) => {
            const isRequired = isRequiredColumn(column);
            return (
              <label key={column.id} className="check-menu-option dash-check">
                <input type="checkbox" checked={isRequired || !hidden.has(column.id)} disabled={isRequired} onChange={(e) => onChange(column.id, e.target.checked)} />
                <span>{t(`columns.${column.id}`)}</span>
                {isRequired && <span className="dash-check-note">{t('columnsMenu.always')}</span>}
              </label>
            );
          })}
        </fieldset>
      </div>
    </div>
  );
}
