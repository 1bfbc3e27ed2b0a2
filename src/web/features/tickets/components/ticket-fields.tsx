import { type FormEvent, useState } from 'react';
import { priorities, type PatchTicketBody, type Ticket } from '../../../../contract/tickets.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors, isConflict } from '../../../lib/api-client.ts';
import { useAgents } from '../../admin/api/get-agents.ts';
import { useCategories } from '../../admin/api/get-categories.ts';
import { useDepartments } from '../../admin/api/get-departments.ts';
import { useSession } from '../../auth/api/get-session.ts';
import { useLockTicket, usePatchTicket } from '../api/change-ticket.ts';
import { ConflictNotice } from './conflict-notice.tsx';

const none = '';
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The ticket's fields an agent changes while working it; each change is saved at once. */
export function TicketFields({ ticket }: { ticket: Ticket }) {
  const { agent } = useSession();
  const patch = usePatchTicket(ticket.number);
  const lock = useLockTicket(ticket.number);
  const agents = useAgents();
  const departments = useDepartments();
  const categories = useCategories();
  const [seen, setSeen] = useState<Ticket | null>(null);
  const [tags, setTags] = useState<string | null>(null);

  const save = (body: PatchTicketBody) => {
    setSeen(null);
    patch.mutate({ version: ticket.version, body }, { onError: (error) => isConflict(error) && setSeen(ticket) });
  };
  const saveTags = (e: FormEvent) => {
    e.preventDefault();
    if (tags === null) return;
    save({ tags: [...new Set(tags.split(',').map((t) => t.trim()).filter(Boolean))] });
    setTags(null);
  };
  const idOf = (ref: { id: number } | null) => (ref ? String(ref.id) : none);
  const toId = (value: string) => (value === none ? null : Number(value));
  // A retired category stays on the tickets that have it; it is only not offered for new choices.
  const categoryOptions = (categories.data?.items ?? []).filter((c) => !c.retired || c.id === ticket.category?.id);
  const activeAgents = (agents.data?.items ?? []).filter((a) => a.is_active || a.id === ticket.assignee?.id);
  const lockedByOther = ticket.locked_by !== null && ticket.locked_by.id !== agent.id;
  const errors = fieldErrors(patch.error);

  return (
    <section className="panel side-panel" aria-labelledby="fields-panel-title">
      <h2 id="fields-panel-title" className="panel-title">
        Information
      </h2>
      {seen && patch.error && <ConflictNotice seen={seen} current={ticket} message={patch.error.message} onDismiss={() => setSeen(null)} />}
      {patch.isError && !seen && Object.keys(errors).length === 0 && <Alert title="The change was not saved">{patch.error.message}</Alert>}
      <div className="lock-row">
        <span>
          {ticket.locked_by ? (
            <>
              Locked by <strong>{ticket.locked_by.id === agent.id ? 'you' : ticket.locked_by.name}</strong>
            </>
          ) : (
            <span className="muted">Not locked</span>
          )}
        </span>
        {(!lockedByOther || agent.role === 'admin') && (
          <Button variant="secondary" isBusy={lock.isPending} onClick={() => lock.mutate(ticket.locked_by?.id !== agent.id)}>
            {ticket.locked_by?.id === agent.id ? 'Unlock' : lockedByOther ? 'Take over lock' : 'Lock'}
          </Button>
        )}
      </div>
      {lock.isError && <p className="field-error">{lock.error.message}</p>}
      <fieldset className="fields-grid" disabled={patch.isPending}>
        <legend className="visually-hidden">Ticket fields</legend>
        <SelectField label="Priority" value={ticket.priority} onChange={(e) => save({ priority: e.target.value as Ticket['priority'] })}
          options={priorities.map((p) => ({ value: p, label: capital(p) }))} error={errors.priority} />
        <SelectField label="Assignee" value={idOf(ticket.assignee)} onChange={(e) => save({ assignee: toId(e.target.value) })} error={errors.assignee}
          options={[{ value: none, label: 'Unassigned' }, ...activeAgents.map((a) => ({ value: String(a.id), label: a.id === agent.id ? `${a.name} (you)` : a.name }))]} />
        <SelectField label="Department" value={idOf(ticket.department)} onChange={(e) => save({ department: toId(e.target.value) })} error={errors.department}
          options={[{ value: none, label: 'None' }, ...(departments.data?.items ?? []).map((d) => ({ value: String(d.id), label: d.name }))]} />
        <SelectField label="Category" value={idOf(ticket.category)} onChange={(e) => save({ category: toId(e.target.value) })} error={errors.category}
          options={[{ value: none, label: 'None' }, ...categoryOptions.map((c) => ({ value: String(c.id), label: c.retired ? `${c.name} (retired)` : c.name }))]} />
      </fieldset>
      <form className="tags-form" onSubmit={saveTags}>
        <TextField label="Tags" value={tags ?? ticket.tags.join(', ')} onChange={(e) => setTags(e.target.value)} hint="Separate tags with commas." error={errors.tags} />
        {tags !== null && (
          <div className="tags-actions">
            <Button type="submit" isBusy={patch.isPending}>Save tags</Button>
            <Button type="button" variant="ghost" onClick={() => setTags(null)}>Cancel</Button>
          </div>
        )}
      </form>
      {(agents.isError || departments.isError || categories.isError) && <p className="field-error">Some choices could not be loaded; reload the page to try again.</p>}
    </section>
  );
}
