import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../components/ui/button.tsx';
import { isTyping } from '../lib/keyboard.ts';

/** Keys that work anywhere in the app; the dashboard adds j, k, x and Enter for its table. */
export const globalShortcuts = [
  { keys: 'c', does: 'Create a ticket' },
  { keys: 'g then t', does: 'Go to the tickets dashboard' },
  { keys: '?', does: 'Show these shortcuts' },
] as const;

export const tableShortcuts = [
  { keys: 'j / k', does: 'Move down / up in the ticket table' },
  { keys: 'Enter', does: 'Open the highlighted ticket' },
  { keys: 'x', does: 'Select the highlighted ticket' },
] as const;

/** Listens for the global shortcuts; `?` opens the list of all of them. */
export function Shortcuts() {
  const navigate = useNavigate();
  const [isOpen, setIsOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const pendingG = useRef(0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target as HTMLElement | null)) return;
      if (e.key === '?') setIsOpen(true);
      else if (e.key === 'c') navigate('/tickets/new');
      else if (e.key === 'g') pendingG.current = Date.now();
      else if (e.key === 't' && Date.now() - pendingG.current < 1500) navigate('/tickets');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  useEffect(() => {
    if (isOpen) dialog.current?.showModal();
  }, [isOpen]);

  if (!isOpen) return null;
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-title" onClose={() => setIsOpen(false)}>
      <h2 id="shortcuts-title" className="dialog-title">
        Keyboard shortcuts
      </h2>
      <table className="shortcuts-table">
        <tbody>
          {[...globalShortcuts, ...tableShortcuts].map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <Button autoFocus onClick={() => dialog.current?.close()}>
          Close
        </Button>
      </div>
    </dialog>
  );
}
