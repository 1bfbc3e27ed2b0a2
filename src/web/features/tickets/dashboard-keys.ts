import { isTyping, type KeyTarget } from '../../lib/keyboard.ts';

export type RowKeyAction = 'next' | 'previous' | 'open' | 'toggle';

/** The parts of a keydown the dashboard's row keys look at. */
export interface RowKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element the key went to. */
  target: KeyTarget;
}

// Enter on a link or button already does what it says.
const activatingTags = new Set(['A', 'BUTTON', 'SUMMARY']);

/** Which row action a key press means: j/k move, Enter opens, x selects; nothing while typing or with a modifier. */
export function rowKeyAction(event: RowKeyEvent): RowKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTyping(event.target)) return null;
  const tag = event.target?.tagName.toUpperCase() ?? '';
  switch (event.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case 'x':
      return 'toggle';
    case 'Enter':
      return activatingTags.has(tag) || tag === 'INPUT' ? null : 'open';
    default:
      return null;
  }
}

/** The highlighted row after j or k: the first row when none is highlighted yet, never past either end. */
export function moveHighlight(current: number | null, step: 1 | -1, rowCount: number): number | null {
  if (rowCount === 0) return null;
  if (current === null) return step === 1 ? 0 : rowCount - 1;
  return Math.min(rowCount - 1, Math.max(0, current + step));
}
