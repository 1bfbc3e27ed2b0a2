import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Ticket } from '../../../../contract/tickets.ts';
import { type BulkChange, useBulkChangeTickets } from '../api/bulk-change-tickets.ts';
import type { BulkOutcome } from '../dashboard-bulk.ts';
import { useRowKeys } from './dashboard-row-keys.tsx';

export const noSelection: ReadonlySet<string> = new Set();

/**
 * What an agent selects and highlights in a ticket table, the keys that move over it, and the bulk
 * changes of the selection. `viewKey` names the view: another filter or search starts afresh.
 */
export function useTicketSelection(items: readonly Ticket[], viewKey: string) {
  const navigate = useNavigate();
  const bulk = useBulkChangeTickets();
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [view, setView] = useState({ key: viewKey, selection: noSelection, highlighted: null as string | null });
  const current = view.key === viewKey ? view : { key: viewKey, selection: noSelection, highlighted: null };
  if (current !== view) setView(current);
  const { selection, highlighted } = current;
  const setSelection = (next: ReadonlySet<string>) => setView((v) => ({ ...v, selection: next }));
  const highlight = (number: string) => setView((v) => ({ ...v, highlighted: number }));
  const toggle = (number: string) => {
    const next = new Set(selection);
    if (!next.delete(number)) next.add(number);
    setSelection(next);
  };
  const selected = items.filter((t) => selection.has(t.number));
  const highlightedTicket = items.find((t) => t.number === highlighted) ?? null;

  useRowKeys({ numbers: items.map((t) => t.number), highlighted, onHighlight: highlight, onOpen: (number) => void navigate(`/tickets/${number}`), onToggle: toggle });

  const runBulk = (change: BulkChange) => {
    setOutcome(null);
    bulk.mutate(
      { tickets: selected, change },
      {
        onSuccess: (result) => {
          setOutcome(result);
          // The failures stay selected: once the list is read again they can be tried with what they hold now.
          setSelection(new Set(result.failed.map((f) => f.number)));
        },
      },
    );
  };

  return { selection, setSelection, toggle, highlighted, highlight, highlightedTicket, selected, bulk, runBulk, outcome, setOutcome };
}
