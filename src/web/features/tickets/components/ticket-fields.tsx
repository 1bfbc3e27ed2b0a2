import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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

/** The ticket's fields an agent changes while working it; each change is saved at once. */
export function TicketFields({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation(['ticket', 'common']);
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
  const isWaiting = ticket.verification_state === 'unverified';
  const errors = fieldErrors(patch.error);

  return (
    <section className="panel side-panel" aria-labelledby="fields-panel-title">
      <h2 id="fields-panel-title" className="panel-title">
        {t('fields.title')}
      </h2>
      {seen && patch.error && <ConflictNotice seen={seen} current={ticket} message={patch.error.message} onDismiss={() => setSeen(null)} />}
      {patch.isError && !seen && Object.keys(errors).length === 0 && <Alert title={t('fields.notSaved')}>{patch.error.message}</Alert>}
      <div className="lock-row">
        <span>
          {ticket.locked_by ? (
            <Trans t={t} i18nKey="fields.lockedBy" values={{ name: ticket.locked_by.id === agent.id ? t('fields.you') : ticket.locked_by.name }} components={{ strong: <strong /> }} />
          ) : (
            <span className="muted">{t('fields.notLocked')}</span>
          )}
        </span>
        {(!lockedByOther || agent.role === 'admin') && (
          <Button variant="secondary" isBusy={lock.isPending} onClick={() => lock.mutate(ticket.locked_by?.id !== agent.id)}>
            {ticket.locked_by?.id === agent.id ? t('fields.unlock') : lockedByOther ? t('fields.takeOver') : t('fields.lock')}
          </Button>
        )}
      </div>
      {lock.isError && <p className="field-error">{lock.error.message}</p>}
      <fieldset className="fields-grid" disabled={patch.isPending}>
        <legend className="visually-hidden">{t('fields.legend')}</legend>
        <SelectField label={t('fields.priority')} value={ticket.priority} onChange={(e) => save({ priority: e.target.value as Ticket['priority'] })}
          options={priorities.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))} error={errors.priority} />
        {/* Verifying gives a waiting ticket its department, and the department its assignee. */}
        <SelectField label={t('fields.assignee')} value={idOf(ticket.assignee)} onChange={(e) => save({ assignee: toId(e.target.value) })} error={errors.assignee} disabled={isWaiting}
          options={[{ value: none, label: t('fields.unassigned') }, ...activeAgents.map((a) => ({ value: String(a.id), label: a.id === agent.id ? t('fields.youSuffix', { name: a.name }) : a.name }))]} />
        <SelectField label={t('fields.department')} value={idOf(ticket.department)} onChange={(e) => save({ department: toId(e.target.value) })} error={errors.department} disabled={isWaiting}
          options={[{ value: none, label: t('fields.none') }, ...(departments.data?.items ?? []).map((d) => ({ value: String(d.id), label: d.name }))]} />
        <SelectField label={t('fields.category')} value={idOf(ticket.category)} onChange={(e) => save({ category: toId(e.target.value) })} error={errors.category}
          options={[{ value: none, label: t('fields.none') }, ...categoryOptions.map((c) => ({ value: String(c.id), label: c.retired ? t('fields.retired', { name: c.name }) : c.name }))]} />
      </fieldset>
      <form className="tags-form" onSubmit={saveTags}>
        <TextField label={t('fields.tags')} value={tags ?? ticket.tags.join(', ')} onChange={(e) => setTags(e.target.value)} hint={t('fields.tagsHint')} error={errors.tags} />
        {tags !== null && (
          <div className="tags-actions">
            <Button type="submit" isBusy={patch.isPending}>{t('fields.saveTags')}</Button>
            <Button type="button" variant="ghost" onClick={() => setTags(null)}>{t('common:action.cancel')}</Button>
          </div>
        )}
      </form>
      {(agents.isError || departments.isError || categories.isError) && <p className="field-error">{t('fields.choicesFailed')}</p>}
    </section>
  );
}
