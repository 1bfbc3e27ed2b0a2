import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge.tsx';
import { MoveButtons } from './move-buttons.tsx';
import { ActionsHead, RowButton } from './row-buttons.tsx';

interface OrderedRow {
  id: number;
  name: string;
  is_active: boolean;
}

interface OrderedTableProps<T extends OrderedRow> {
  items: T[];
  /** What a row matches, a line each ("Priority: Urgent"); a row with none matches `every`. */
  matches: (item: T) => string[];
  every: string;
  /** The columns after "Applies to": each one's head and a row's cell. */
  columns: { head: string; cell: (item: T) => ReactNode }[];
  /** The table's own class, beside those of every ordered table. */
  className?: string;
  onMove: (item: T, by: -1 | 1) => void;
  onEdit: (item: T) => void;
  onDelete: (item: T) => void;
}

/** A list tried from the top (SLA policies, routing rules): each row's place, name and what it matches, with buttons to move, edit and delete it. */
export function OrderedTable<T extends OrderedRow>({ items, matches, every, columns, className, onMove, onEdit, onDelete }: OrderedTableProps<T>) {
  const { t } = useTranslation('admin');
  return (
    <div className="table-scroll">
      <table className={['admin-table policy-table', className].filter(Boolean).join(' ')}>
        <thead>
          <tr>
            <th scope="col" className="col-number">
              {t('list.column.order')}
            </th>
            <th scope="col">{t('list.column.name')}</th>
            <th scope="col">{t('list.column.matches')}</th>
            {columns.map((column) => (
              <th key={column.head} scope="col">
                {column.head}
              </th>
            ))}
            <ActionsHead />
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => {
            const conditions = matches(item);
            return (
              <tr key={item.id} data-id={item.id} className={item.is_active ? undefined : 'row-inactive'}>
                <td className="col-number">{index + 1}</td>
                <th scope="row" className="cell-name">
                  {item.name}
                  {!item.is_active && (
                    <>
                      {' '}
                      <Badge>{t('list.inactive')}</Badge>
                    </>
                  )}
                </th>
                <td>
                  {conditions.length ? (
                    <ul className="plain-list">
                      {conditions.map((c) => (
                        <li key={c}>{c}</li>
                      ))}
                    </ul>
                  ) : (
                    every
                  )}
                </td>
                {columns.map((column) => (
                  <td key={column.head}>{column.cell(item)}</td>
                ))}
                <td className="cell-actions">
                  <MoveButtons
                    id={item.id}
                    index={index}
                    count={items.length}
                    upLabel={t('list.moveUp', { name: item.name })}
                    downLabel={t('list.moveDown', { name: item.name })}
                    onMove={(by) => onMove(item, by)}
                  />
                  <RowButton action="edit" name={item.name} onClick={() => onEdit(item)} />
                  <RowButton action="delete" name={item.name} onClick={() => onDelete(item)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
