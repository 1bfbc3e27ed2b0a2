import { useEffect, useEffectEvent } from 'react';
import { moveHighlight, rowKeyAction } from '../dashboard-keys.ts';

interface RowKeys {
  numbers: readonly string[];
  highlighted: string | null;
  onHighlight: (number: string) => void;
  onOpen: (number: string) => void;
  onToggle: (number: string) => void;
}

/** j/k move the highlight over the rows, Enter opens the highlighted ticket, x selects it. */
export function useRowKeys({ numbers, highlighted, onHighlight, onOpen, onToggle }: RowKeys): void {
  const onKeyDown = useEffectEvent((e: KeyboardEvent) => {
    // A modal (the bulk hold or resolve dialog) owns the keyboard while it is open.
    if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
    const target = e.target instanceof HTMLElement ? e.target : null;
    const type = target instanceof HTMLInputElement ? target.type : undefined;
    const action = rowKeyAction({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, target: target && { tagName: target.tagName, type, isContentEditable: target.isContentEditable } });
    if (!action) return;
    const index = highlighted === null ? -1 : numbers.indexOf(highlighted);
    if (action === 'next' || action === 'previous') {
      const next = moveHighlight(index < 0 ? null : index, action === 'next' ? 1 : -1, numbers.length);
      if (next === null) return;
      e.preventDefault();
      onHighlight(numbers[next]);
    } else if (index >= 0) {
      e.preventDefault();
      if (action === 'open') onOpen(numbers[index]);
      else onToggle(numbers[index]);
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKeyDown(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
