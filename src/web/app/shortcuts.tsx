import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../components/ui/button.tsx';
import { isTyping } from '../lib/keyboard.ts';

/** Keys that work anywhere in the app, then those the dashboard adds for its table (j, k, x, Enter). */
const shortcuts = [
  { keys: '/', does: 'shortcuts.goSearch' },
  { keys: 'c', does: 'shortcuts.create' },
  { keys: 'shortcuts.keysGoTickets', does: 'shortcuts.goTickets' },
  { keys: '?', does: 'shortcuts.help' },
  { keys: 'j / k', does: 'shortcuts.move' },
  { keys: 'Enter', does: 'shortcuts.open' },
  { keys: 'x', does: 'shortcuts.select' },
] as const;

/** Listens for the global shortcuts; `?` opens the list of all of them. */
export function Shortcuts() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [isOpen, setIsOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const pendingG = useRef(0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target as HTMLElement | null)) return;
      if (e.key === '?') setIsOpen(true);
      else if (e.key === '/') navigate('/search');
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
        {t('shortcuts.title')}
      </h2>
      <table className="shortcuts-table">
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys.startsWith('shortcuts.') ? t(s.keys as 'shortcuts.keysGoTickets') : s.keys}</kbd>
              </th>
              <td>{t(s.does)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <Button autoFocus onClick={() => dialog.current?.close()}>
          {t('action.close')}
        </Button>
      </div>
    </dialog>
  );
}
