import { useTranslation } from 'react-i18next';

const looks = { edit: 'btn btn-secondary btn-md', delete: 'btn btn-ghost btn-md danger-text' };

interface RowButtonProps {
  action: 'edit' | 'delete';
  /** The name of the row's item, which the button's accessible name carries ("Edit Jakarta office"). */
  name: string;
  onClick: () => void;
}

/** A table row's Edit or Delete, named by its item: screen readers would hear every row's button alike otherwise. */
export function RowButton({ action, name, onClick }: RowButtonProps) {
  const { t } = useTranslation('admin');
  return (
    <button type="button" className={looks[action]} aria-label={t(`list.${action}Named`, { name })} onClick={onClick}>
      {t(`list.${action}`)}
    </button>
  );
}

/** The head of the column of a row's buttons: read by screen readers, not shown. */
export function ActionsHead() {
  const { t } = useTranslation('admin');
  return (
    <th scope="col">
      <span className="visually-hidden">{t('list.column.actions')}</span>
    </th>
  );
}
