import { useCallback, useState } from 'react';

const prefix = 'caredesk:draft:';

function read(key: string): string {
  try {
    return localStorage.getItem(prefix + key) ?? '';
  } catch {
    return '';
  }
}

/**
 * Text kept in the browser as it is typed, so a reload, a lost connection or an expired session
 * (and the sign-in in between) never costs the agent what they wrote.
 */
export function useDraft(key: string): [string, (value: string) => void, () => void] {
  const [value, setValue] = useState(() => read(key));
  const [current, setCurrent] = useState(key);
  if (current !== key) {
    setCurrent(key);
    setValue(read(key));
  }
  const update = useCallback(
    (next: string) => {
      setValue(next);
      try {
        if (next) localStorage.setItem(prefix + key, next);
        else localStorage.removeItem(prefix + key);
      } catch {
        // Storage full or disabled: the text still lives in the page.
      }
    },
    [key],
  );
  const clear = useCallback(() => update(''), [update]);
  return [value, update, clear];
}
