import { type FormEvent, useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../contract/tickets.ts';
import { Button } from '../../../components/ui/button.tsx';
import { useAgents } from '../../admin/api/get-agents.ts';
import { useCategories } from '../../admin/api/get-categories.ts';
import type { BulkChange } from '../api/bulk-change-tickets.ts';
import { bulkMoveLabel, bulkMoves, isAskingMove } from '../dashboard-bulk.ts';
import { DashboardBulkDialog } from './dashboard-bulk-dialog.tsx';

interface BulkBarProps {
  selected: Ticket[];
  isBusy: boolean;
  onChange: (change: BulkChange) => void;
  onClear: () => void;
}

// "none" stands for "Unassigned" / "No category" in a select, whose values are strings.
const none = 'none';

type BulkAction = 'assign' | 'category' | 'status';

/** With tickets selected: assign them, change their category or move them through the lifecycle, all at once. */
export function DashboardBulkBar({ selected, isBusy, onChange, onClear }: BulkBarProps) {
  const { t } = useTranslation(['dashboard', 'common']);
  const agents = useAgents();
  const categories = useCategories();
  const [assignee, setAssignee] = useState('');
  const [category, setCategory] = useState('');
  const [status, setStatus] = useState('');
  const [asking, setAsking] = useState<'pending' | 'resolved' | null>(null);
  // Which button started the running change, so only that one spins.
  const [started, setStarted] = useState<BulkAction | null>(null);
  const run = (action: BulkAction, change: BulkChange) => {
    setStarted(action);
    onChange(change);
  };
  const moves = bulkMoves(selected.map((t) => t.status));
  const chosenMove = moves.find((m) => m === status);

  const assign = (e: FormEvent) => {
    e.preventDefault();
    if (assignee) run('assign', { kind: 'patch', body: { assignee: assignee === none ? null : Number(assignee) } });
  };
  const recategorize = (e: FormEvent) => {
    e.preventDefault();
    if (category) run('category', { kind: 'patch', body: { category: category === none ? null : Number(category) } });
  };
  const move = (e: FormEvent) => {
    e.preventDefault();
    if (!chosenMove) return;
    if (isAskingMove(chosenMove)) setAsking(chosenMove);
    else run('status', { kind: 'transition', body: { to: chosenMove } });
  };

  const count = selected.length;
  return (
    <section className="dash-bulk" aria-label={t('bulk.region')}>
      <p className="dash-bulk-count" aria-live="polite">
        <Trans t={t} i18nKey="bulk.selected" values={{ count }} />
      </p>
      <BulkForm label={t('bulk.assignTo')} value={assignee} onValue={setAssignee} onSubmit={assign} action={t('bulk.assign')} isBusy={isBusy} isRunning={isBusy && started === 'assign'}
        options={[{ value: none, label: t('bulk.unassigned') }, ...(agents.data?.items ?? []).filter((a) => a.is_active).map((a) => ({ value: String(a.id), label: a.name }))]} />
      <BulkForm label={t('bulk.category')} value={category} onValue={setCategory} onSubmit={recategorize} action={t('bulk.setCategory')} isBusy={isBusy} isRunning={isBusy && started === 'category'}
        options={[{ value: none, label: t('bulk.noCategory') }, ...(categories.data?.items ?? []).filter((c) => !c.retired).map((c) => ({ value: String(c.id), label: c.name }))]} />
      <BulkForm label={t('bulk.status')} value={chosenMove ?? ''} onValue={setStatus} onSubmit={move} action={t('bulk.changeStatus')} isBusy={isBusy} isRunning={isBusy && started === 'status'}
        options={moves.map((m) => ({ value: m, label: bulkMoveLabel(m, t) }))}
        emptyNote={moves.length === 0 ? t('bulk.noMove') : undefined} />
      <Button type="button" variant="ghost" className="dash-bulk-clear" onClick={onClear} disabled={isBusy}>
        {t('bulk.clear')}
      </Button>
      {asking && (
        <DashboardBulkDialog to={asking} count={count} onCancel={() => setAsking(null)}
          onSubmit={(body) => {
            setAsking(null);
            run('status', { kind: 'transition', body });
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
  const { t } = useTranslation('dashboard');
  const id = useId();
  const isEmpty = options.length === 0;
  return (
    <form className="dash-bulk-form" onSubmit={onSubmit}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className="field-input" value={value} onChange={(e) => onValue(e.target.value)} disabled={isBusy || isEmpty} title={emptyNote}>
        <option value="">{isEmpty ? t('bulk.nonePossible') : t('bulk.choose')}</option>
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
