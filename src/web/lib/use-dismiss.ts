import { type RefObject, useEffect } from 'react';

/**
 * Closes an open popover on Escape (focus back on its button) or a pointer press outside it, and
 * puts focus on its first control when it opens.
 */
export function useDismiss(isOpen: boolean, close: () => void, root: RefObject<HTMLElement | null>, button: RefObject<HTMLElement | null>, firstFocus: string): void {
  useEffect(() => {
    if (!isOpen) return;
    root.current?.querySelector<HTMLElement>(firstFocus)?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      close();
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [isOpen, close, root, button, firstFocus]);
}
