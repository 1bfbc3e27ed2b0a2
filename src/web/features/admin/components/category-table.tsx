import { useTranslation } from 'react-i18next';
import type { Category } from '../../../../contract/admin.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { MoveButtons } from './move-buttons.tsx';
import { ActionsHead } from './row-buttons.tsx';

interface CategoryTableProps {
  categories: Category[];
  /** The category whose retire or restore is on its way. */
  busyId: number | null;
  onMove: (category: Category, by: -1 | 1) => void;
  onRename: (category: Category) => void;
  onRetire: (category: Category, retired: boolean) => void;
}

/** The categories in their order: each one's place, name and whether it is offered, with buttons to move, rename, retire and restore it. */
export function CategoryTable({ categories, busyId, onMove, onRename, onRetire }: CategoryTableProps) {
  const { t } = useTranslation('admin');
  return (
    <div className="table-scroll">
      <table className="admin-table category-table">
        <thead>
          <tr>
            <th scope="col" className="col-number">
              {t('list.column.order')}
            </th>
            <th scope="col">{t('list.column.name')}</th>
            <th scope="col">{t('categories.column.status')}</th>
            <ActionsHead />
          </tr>
        </thead>
        <tbody>
          {categories.map((category, index) => (
            <tr key={category.id} data-id={category.id} className={category.retired ? 'row-inactive' : undefined}>
              <td className="col-number">{index + 1}</td>
              <th scope="row" className="cell-name">
                {category.name}
              </th>
              <td className="cell-status">{category.retired ? <Badge>{t('categories.retiredBadge')}</Badge> : <Badge tone="green">{t('categories.offered')}</Badge>}</td>
              <td className="cell-actions">
                <MoveButtons
                  id={category.id}
                  index={index}
                  count={categories.length}
                  upLabel={t('list.moveUp', { name: category.name })}
                  downLabel={t('list.moveDown', { name: category.name })}
                  onMove={(by) => onMove(category, by)}
                />
                <button type="button" className="btn btn-secondary btn-md" aria-label={t('categories.renameNamed', { name: category.name })} onClick={() => onRename(category)}>
                  {t('categories.rename')}
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-md"
                  aria-label={t(category.retired ? 'categories.restoreNamed' : 'categories.retireNamed', { name: category.name })}
                  disabled={busyId === category.id}
                  aria-busy={busyId === category.id || undefined}
                  onClick={() => onRetire(category, !category.retired)}
                >
                  {t(category.retired ? 'categories.restore' : 'categories.retire')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
