import { type FormEvent, useId, useState } from 'react';
import type { Ticket } from '../../../../contract/tickets.ts';
import { Button } from '../../../components/ui/button.tsx';
import { useAgents } from '../../admin/api/get-agents.ts';
import { useCategories } from '../../admin/api/get-categories.ts';
import type { BulkChange } from '../api/bulk-change-tickets.ts';
import { bulkMoveLabels, bulkMoves, isAskingMove } from '../dashboard-bulk.ts';
import { DashboardBulkDialog } from './dashboard-bulk-dialog.tsx';

interface BulkBarProps {
  selected: Ticket[];
  isBusy: boolean;
  onChange: (change: BulkChange) => void;
  onClear: () => void;
}

// "none" stands for "Unassigned" / "No category" in a select, whose values are strings.
const none = 'none';

/** With tickets selected: assign them, change their category or move them through the lifecycle, all at once. */
export function DashboardBulkBar({ selected, isBusy, onChange, onClear }: BulkBarProps) {
  const agents = useAgents();
  const categories = useCategories();
  const [assignee, setAssignee] = useState('');
  const [category, setCategory] = useState('');
  const [status, setStatus] = useState('');
  const [asking, setAsking] = useState<'pending' | 'resolved' | null>(null);
  // Which button started the running change, so only that one spins.
  const [started, setStarted] = useState('');
  const run = (action: string, change: BulkChange) => {
    setStarted(action);
    onChange(change);
  };
  const moves = bulkMoves(selected.map((t) => t.status));
  const chosenMove = moves.find((m) => m === status);

  const assign = (e: FormEvent) => {
    e.preventDefault();
    if (assignee) run('Assign', { kind: 'patch', body: { assignee: assignee === none ? null : Number(assignee) } });
  };
  const recategorize = (e: FormEvent) => {
    e.preventDefault();
    if (category) run('Set category', { kind: 'patch', body: { category: category === none ? null : Number(category) } });
  };
  const move = (e: FormEvent) => {
    e.preventDefault();
    if (!chosenMove) return;
    if (isAskingMove(chosenMove)) setAsking(chosenMove);
    else run('Change status', { kind: 'transition', body: { to: chosenMove } });
  };

  const count = selected.length;
  return (
    <section className="dash-bulk" aria-label="Bulk actions">
      <p className="dash-bulk-count" aria-live="polite">
        <strong>{count}</strong> selected
      </p>
      <BulkForm label="Assign to" value={assignee} onValue={setAssignee} onSubmit={assign} action="Assign" isBusy={isBusy} isRunning={isBusy && started === 'Assign'}
        options={[{ value: none, label: 'Unassigned' }, ...(agents.data?.items ?? []).filter((a) => a.is_active).map((a) => ({ value: String(a.id), label: a.name }))]} />
      <BulkForm label="Category" value={category} onValue={setCategory} onSubmit={recategorize} action="Set category" isBusy={isBusy} isRunning={isBusy && started === 'Set category'}
        options={[{ value: none, label: 'No category' }, ...(categories.data?.items ?? []).filter((c) => !c.retired).map((c) => ({ value: String(c.id), label: c.name }))]} />
      <BulkForm label="Status" value={chosenMove ?? ''} onValue={setStatus} onSubmit={move} action="Change status" isBusy={isBusy} isRunning={isBusy && started === 'Change status'}
        options={moves.map((m) => ({ value: m, label: bulkMoveLabels[m] }))}
        emptyNote={moves.length === 0 ? 'No status change fits all selected tickets' : undefined} />
      <Button type="button" variant="ghost" className="dash-bulk-clear" onClick={onClear} disabled={isBusy}>
        Clear selection
      </Button>
      {asking && (
        <DashboardBulkDialog to={asking} count={count} onCancel={() => setAsking(null)}
          onSubmit={(body) => {
            setAsking(null);
            run('Change status', { kind: 'transition', body });
          }} />
      )}
    </section>
  );
}

interface BulkFormProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: { value: string; label: string }[];
  action: string;
  isBusy: boolean;
  isRunning: boolean;
  onSubmit: (e: FormEvent) => void;
  emptyNote?: string;
}

/**
 * A labelled choice and the button that applies it. The button, not the choice, does the change:
 * arrowing through a closed select fires a change per option.
 */
function BulkForm({ label, value, onValue, options, action, isBusy, isRunning, onSubmit, emptyNote }: BulkFormProps) {
  const id = useId();
  const isEmpty = options.length === 0;
  return (
    <form className="dash-bulk-form" onSubmit={onSubmit}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className="field-input" value={value} onChange={(e) => onValue(e.target.value)} disabled={isBusy || isEmpty} title={emptyNote}>
        <option value="">{isEmpty ? 'None possible' : 'Choose…'}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" disabled={!value || isEmpty || isBusy} isBusy={isRunning}>
        {action}
      </Button>
    </form>
  );
}
