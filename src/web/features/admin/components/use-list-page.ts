import { useRef, useState } from 'react';
import { useDialog } from './use-dialog.ts';

interface Deletion {
  mutate: (id: number, options: { onSuccess: () => void }) => void;
  reset: () => void;
}

/**
 * What a page of calendars, SLA policies or routing rules keeps: the dialog that is open (the focus
 * goes back to its opener after, else to the heading), the line saying what was last done, and a
 * delete that says so and closes its dialog. A refused delete leaves the dialog open to tell why.
 */
export function useListPage<Open>(remove: Deletion) {
  const heading = useRef<HTMLHeadingElement>(null);
  const dialog = useDialog<Open>(() => heading.current);
  const [notice, setNotice] = useState('');
  const close = () => {
    dialog.close();
    remove.reset();
  };
  return {
    heading,
    open: dialog.open,
    notice,
    say: setNotice,
    show: (open: Open) => {
      // What the page last said no longer holds once something else is done.
      setNotice('');
      dialog.show(open);
    },
    close,
    remove: (id: number, deleted: string) =>
      remove.mutate(id, {
        onSuccess: () => {
          setNotice(deleted);
          close();
        },
      }),
  };
}
