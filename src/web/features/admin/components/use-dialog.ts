import { useEffect, useRef, useState } from 'react';

/**
 * Which dialog of a page is open, and focus back where it was once it closes (a dialog removed
 * from the page does not give it back by itself); if that element is gone too, to `fallback`.
 */
export function useDialog<T>(fallback: () => HTMLElement | null) {
  const [open, setOpen] = useState<T | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const isReturning = useRef(false);
  useEffect(() => {
    if (open !== null || !isReturning.current) return;
    isReturning.current = false;
    const target = opener.current?.isConnected ? opener.current : fallback();
    target?.focus();
  });
  return {
    open,
    show: (dialog: T) => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setOpen(dialog);
    },
    close: () => {
      isReturning.current = true;
      setOpen(null);
    },
  };
}
