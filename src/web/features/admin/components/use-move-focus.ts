import { useEffect, useState } from 'react';

/**
 * After "move up/down" in an ordered list, the focus stays on the moved row's button once the row
 * stands at its new place (moving a row's node drops the focus); at either end, on its other button.
 * The buttons carry `data-move="<id>-up"` and `data-move="<id>-down"`.
 */
export function useMoveFocus(items: readonly { id: number }[] | undefined) {
  const [moved, setMoved] = useState<{ id: number; by: -1 | 1; index: number } | null>(null);
  useEffect(() => {
    if (!moved || items?.findIndex((item) => item.id === moved.id) !== moved.index) return;
    const button = (dir: 'up' | 'down') => document.querySelector<HTMLButtonElement>(`[data-move="${moved.id}-${dir}"]`);
    const wanted = button(moved.by < 0 ? 'up' : 'down');
    (wanted && !wanted.disabled ? wanted : button(moved.by < 0 ? 'down' : 'up'))?.focus();
    setMoved(null);
  }, [moved, items]);
  return (id: number, by: -1 | 1, index: number) => setMoved({ id, by, index });
}
