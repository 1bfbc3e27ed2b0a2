import { useCallback, useState } from 'react';
import { readStored, writeStored } from './storage.ts';

const prefix = 'caredesk:draft:';

const read = (key: string): string => readStored(prefix + key) ?? '';

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
      writeStored(prefix + key, next || null);
    },
    [key],
  );
  const clear = useCallback(() => update(''), [update]);
  return [value, update, clear];
}
