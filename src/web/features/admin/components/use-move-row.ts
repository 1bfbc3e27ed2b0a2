import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveId } from '../ordered-list.ts';

interface Row {
  id: number;
  name: string;
}

interface OrderSave {
  mutate: (ids: number[], options: { onSuccess: () => void }) => void;
}

/**
 * "Move up/down" in a list tried in order: saves the new order and says where the row now stands.
 * The focus stays on the moved row's button once the row stands at its new place (moving a row's
 * node drops the focus); at either end, on its other button. The buttons carry
 * `data-move="<id>-up"` and `data-move="<id>-down"` (MoveButtons).
 */
export function useMoveRow(items: readonly Row[] | undefined, order: OrderSave, say: (notice: string) => void) {
  const { t } = useTranslation('admin');
  const [moved, setMoved] = useState<{ id: number; by: -1 | 1; index: number } | null>(null);
  useEffect(() => {
    if (!moved || items?.findIndex((item) => item.id === moved.id) !== moved.index) return;
    const button = (dir: 'up' | 'down') => document.querySelector<HTMLButtonElement>(`[data-move="${moved.id}-${dir}"]`);
    const wanted = button(moved.by < 0 ? 'up' : 'down');
    (wanted && !wanted.disabled ? wanted : button(moved.by < 0 ? 'down' : 'up'))?.focus();
    setMoved(null);
  }, [moved, items]);
  return (row: Row, by: -1 | 1) => {
    const ids = moveId(
      (items ?? []).map((item) => item.id),
      row.id,
      by,
    );
    const index = ids.indexOf(row.id);
    setMoved({ id: row.id, by, index });
    order.mutate(ids, { onSuccess: () => say(t('list.movedTo', { name: row.name, position: index + 1, count: ids.length })) });
  };
}
