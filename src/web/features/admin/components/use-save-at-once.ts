import { useState } from 'react';

interface Save<V> {
  mutate: (variables: V, options: { onSuccess: () => void }) => void;
}

/** A choice saved as soon as it is made, and said so once saved; the last saying goes while the next choice is saved. */
export function useSaveAtOnce<V>(save: Save<V>) {
  const [notice, setNotice] = useState('');
  return {
    notice,
    choose: (variables: V, saved: string) => {
      setNotice('');
      save.mutate(variables, { onSuccess: () => setNotice(saved) });
    },
  };
}
