import { useEffect, useRef, useState } from 'react';

/**
 * After a refused save, the focus goes to the first field to fix once it shows its error; the
 * container is the form's part that holds the fields.
 */
export function useFocusFirstError<T extends HTMLElement = HTMLDivElement>() {
  const container = useRef<T>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);
  return { container, refused: () => setRefusals((n) => n + 1) };
}
