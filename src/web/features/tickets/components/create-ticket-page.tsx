import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { limits } from '../../../../contract/limits.ts';
import { type FieldInput, fieldErrorPath, newTicketValues } from '../../../../contract/ticket-field-display.ts';
import { createTicketBody } from '../../../../contract/tickets.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TextAreaField } from '../../../components/ui/textarea-field.tsx';
import { ApiError, fieldErrors } from '../../../lib/api-client.ts';
import { readStored, writeStored } from '../../../lib/storage.ts';
import { validate } from '../../../lib/validation.ts';
import { useCategories } from '../../admin/api/get-categories.ts';
import { useDepartments } from '../../admin/api/get-departments.ts';
import { useTicketFields } from '../../admin/api/get-ticket-fields.ts';
import { useSession } from '../../auth/api/get-session.ts';
import { newIdempotencyKey, useCreateTicket } from '../api/create-ticket.ts';
import { useTicketSources } from '../api/get-ticket-sources.ts';
import {
  type CreateT,
  type CreateTicketInput,
  type CreateTicketForm,
  channelOptions,
  checkCreateTicketForm,
  customerPath,
  draftKey,
  emptyCreateTicketForm,
  fieldPaths,
  hasSource,
  isBlankForm,
  polishErrors,
  priorityOptions,
  readDraft,
  sourceSuggestions,
  splitErrors,
  toCreateTicketBody,
} from '../create-ticket-form.ts';
import { agentFormFields, problemMessages } from '../ticket-field-values.ts';
import { CreateTicketFields } from './create-ticket-fields.tsx';
import { CreateTicketCustomer } from './create-ticket-customer.tsx';
import { CreateTicketReferences } from './create-ticket-references.tsx';
import { useCustomerUser } from '../../cic/api/get-customer-user.ts';
import './create-ticket.css';

/** An agent logs a complaint taken by phone, in store or elsewhere; the typing survives reloads as a draft. */
export function CreateTicketPage() {
  const { t } = useTranslation(['create', 'common']);
  const navigate = useNavigate();
  const { agent, workspace } = useSession();
  const [params] = useSearchParams();
  // From the Customer Information Center: a new ticket for this customer user, by this channel.
  const forUserId = /^[1-9]\d{0,15}$/.test(params.get('customer_user_id') ?? '') ? Number(params.get('customer_user_id')) : null;
  const forUser = useCustomerUser(forUserId);
  // Its draft is kept apart, so the draft of another ticket the agent was writing stays as it was.
  const storageKey = forUserId === null ? draftKey(workspace.id, agent.id) : `${draftKey(workspace.id, agent.id)}:for-${forUserId}`;
  const [restored] = useState(() => readDraft(readStored(storageKey, 'session')));
  const [form, setForm] = useState<CreateTicketForm>(restored ?? emptyCreateTicketForm);
  const picked = useRef(false);
  useEffect(() => {
    if (picked.current || !forUser.data || restored) return;
    picked.current = true;
    const u = forUser.data;
    const channel = params.get('channel') === 'email' ? 'email' : 'phone';
    setForm((f) => ({ ...f, customerMode: 'existing', customerUser: { id: u.id, name: u.name, email: u.email, phone: u.phone }, channel }));
  }, [forUser.data, params]);
  useEffect(() => {
    const enabled = workspace.channels_enabled;
    if (enabled.length && !enabled.includes(form.channel)) setForm((f) => ({ ...f, channel: enabled.includes('phone') ? 'phone' : enabled[0] }));
  }, [form.channel, workspace.channels_enabled]);
  const [isRestoredShown, setIsRestoredShown] = useState(restored !== null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Bumped after a refused submit, so focus moves to the first field to fix once it is rendered.
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  // Once the ticket exists, a last render must not write the sent form back as a draft.
  const isSent = useRef(false);
  // One key per distinct request: resending after a lost answer must not log the complaint twice.
  const attempt = useRef<{ json: string; key: string } | null>(null);
  const departments = useDepartments();
  const categories = useCategories();
  const create = useCreateTicket();
  const ticketSources = useTicketSources();
  const ticketFields = useTicketFields();
  const formFields = agentFormFields(ticketFields.data?.items ?? []);
  const fieldKeys = formFields.map((f) => f.key);

  useEffect(() => {
    if (!isSent.current) saveDraft(storageKey, form);
  }, [storageKey, form]);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input[name="customer-search"]')?.focus();
  }, []);
  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const activeCategories = categories.data?.items.filter((c) => !c.retired);
  // A draft may name a category retired or a department removed since; those are no longer offered.
  const department = departments.data && !departments.data.items.some((d) => String(d.id) === form.department) ? '' : form.department;
  const category = activeCategories && !activeCategories.some((c) => String(c.id) === form.category) ? '' : form.category;

  const update = (changes: Partial<CreateTicketForm>) => {
    setForm((f) => ({ ...f, ...changes }));
    const stale = new Set(Object.keys(changes).flatMap((key) => errorPathsOf(key as keyof CreateTicketForm)));
    // Rows move when one is removed: any change to the items makes all their errors stale.
    const itemsChanged = 'orderItems' in changes;
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !stale.has(path) && !(itemsChanged && path.startsWith('order_items.')))));
  };
  const updateField = (key: string, value: FieldInput) => {
    setForm((f) => ({ ...f, customFields: { ...f.customFields, [key]: value } }));
    setErrors(({ [fieldErrorPath(key)]: _, ...rest }) => rest);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    const submitted = { ...form, department, category };
    const body = toCreateTicketBody(submitted);
    // Only the ticket fields filled in are sent; a required one left empty is refused here, at its input.
    const fields = newTicketValues(formFields, form.customFields);
    if (Object.keys(fields.values).length > 0) body.custom_fields = fields.values as CreateTicketInput['custom_fields'];
    // The form's own checks win: the schema's custom rules (an email or a phone) carry the contract's English words.
    const found = polishErrors({ ...(validate(createTicketBody, body).errors ?? {}), ...checkCreateTicketForm(submitted, t), ...problemMessages(fields.problems) }, t);
    create.reset();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setRefusals((n) => n + 1);
      return;
    }
    const json = JSON.stringify(body);
    if (attempt.current?.json !== json) attempt.current = { json, key: newIdempotencyKey() };
    create.mutate({ body, idempotencyKey: attempt.current.key }, {
      onSuccess: (ticket) => {
        isSent.current = true;
        removeDraft(storageKey);
        // The ticket view says "Ticket … created" when it finds this state.
        navigate(`/tickets/${encodeURIComponent(ticket.number)}`, { state: { created: true } });
      },
      onError: (error) => {
        const { placed } = splitErrors(polishErrors(fieldErrors(error), t), fieldKeys);
        setErrors(placed);
        // A field retired or changed since the form was read: show the current definitions.
        if (Object.keys(placed).some((path) => path.startsWith('custom_fields.'))) void ticketFields.refetch();
        // The list changed under the agent (retired, removed): show the current one.
        if (placed[fieldPaths.category]) void categories.refetch();
        if (placed[fieldPaths.department]) void departments.refetch();
        if (Object.keys(placed).length > 0) setRefusals((n) => n + 1);
      },
    });
  };

  const startOver = () => {
    removeDraft(storageKey);
    setForm(emptyCreateTicketForm);
    setErrors({});
    setIsRestoredShown(false);
    create.reset();
  };

  const failure = splitErrors(polishErrors(fieldErrors(create.error), t), fieldKeys);
  const isFailureAlerted = create.error !== null && (Object.keys(failure.placed).length === 0 || failure.unplaced.length > 0);
  // The workspace's own list (admins extend it); the built-in suggestions until it has loaded.
  const sources = ticketSources.data ? ticketSources.data.items.filter((s) => s.channel === form.channel).map((s) => s.key) : (sourceSuggestions[form.channel] ?? []);
  // Only the channels the workspace keeps on (Admin › Channels) take new tickets.
  const channels = channelOptions(t, workspace.channels_enabled);
  const priorities = priorityOptions(t);

  return (
    <div className="page create-ticket">
      <title>{t('common:app.titleSuffix', { title: t('common:app.createTicket') })}</title>
      <div className="page-head">
        <div className="create-ticket-heading">
          <Link to="/tickets" className="create-ticket-back">
            ← {t('common:app.tickets')}
          </Link>
          <h1 className="page-title" id="create-ticket-title">
            {t('common:app.createTicket')}
          </h1>
        </div>
      </div>

      <form ref={formRef} className="create-ticket-form" onSubmit={submit} noValidate aria-labelledby="create-ticket-title">
        {isRestoredShown && !isBlankForm(form) && (
          <Alert tone="info" title={t('draftRestored')}>
            {t('draftKept')}{' '}
            <button type="button" className="link-button" onClick={startOver}>
              {t('startOver')}
            </button>
          </Alert>
        )}
        {isFailureAlerted && create.error && (
          <Alert title={t('notCreated')}>
            <p>
              {failureMessage(create.error, t)}
              {failure.unplaced.length > 0 && ` ${failure.unplaced.join('; ')}.`}
            </p>
            <p className="create-ticket-alert-foot">
              {t('stillHere')}{' '}
              <button type="button" className="link-button" onClick={() => formRef.current?.requestSubmit()}>
                {t('common:action.tryAgain')}
              </button>
            </p>
          </Alert>
        )}

        <div className="create-ticket-layout">
          <div className="panel">
            <div className="panel-body form">
              <CreateTicketCustomer form={form} errors={errors} update={update} />
              <fieldset className="form-section">
                <legend>{t('complaint')}</legend>
                <TextField label={t('subject')} name="subject" value={form.subject} maxLength={limits.subjectMax} autoComplete="off"
                  error={errors[fieldPaths.subject]} onChange={(e) => update({ subject: e.target.value })} />
                <TextAreaField label={t('description')} name="description" value={form.description} rows={9}
                  hint={t('descriptionHint')}
                  error={errors[fieldPaths.description]} onChange={(e) => update({ description: e.target.value })} />
              </fieldset>
              <CreateTicketFields fields={formFields} inputs={form.customFields} errors={errors} isLoadFailed={ticketFields.isError}
                onRetry={() => void ticketFields.refetch()} onChange={updateField} />
            </div>
          </div>

          <div className="panel">
            <div className="panel-body form">
              <fieldset className="form-section">
                <legend>{t('routing')}</legend>
                <SelectField label={t('channel')} name="channel" value={form.channel} options={channels} error={errors[fieldPaths.channel]}
                  onChange={(e) => update({ channel: channels.find((o) => o.value === e.target.value)?.value ?? 'phone' })} />
                {hasSource(form.channel) && (
                  <>
                    <TextField label={t('source')} name="source" value={form.source} maxLength={50} list="create-ticket-sources" autoComplete="off"
                      spellCheck={false} error={errors[fieldPaths.source]}
                      hint={form.channel === 'review' ? t('sourceHintReview') : t('sourceHintShop')}
                      onChange={(e) => update({ source: e.target.value })} />
                    <datalist id="create-ticket-sources">
                      {sources.map((s) => (
                        <option key={s} value={s} />
                      ))}
                    </datalist>
                  </>
                )}
                <SelectField label={t('department')} name="department" value={department} error={errors[fieldPaths.department] ?? (departments.isError ? t('departmentsFailed') : undefined)}
                  disabled={departments.isPending}
                  options={[{ value: '', label: departments.isPending ? t('common:app.loading') : t('none') }, ...(departments.data?.items ?? []).map((d) => ({ value: String(d.id), label: d.name }))]}
                  onChange={(e) => update({ department: e.target.value })} />
                {departments.isError && <RetryButton label={t('departmentsRetry')} onRetry={() => void departments.refetch()} />}
                <SelectField label={t('category')} name="category" value={category} error={errors[fieldPaths.category] ?? (categories.isError ? t('categoriesFailed') : undefined)}
                  disabled={categories.isPending}
                  options={[{ value: '', label: categories.isPending ? t('common:app.loading') : t('none') }, ...(activeCategories ?? []).map((c) => ({ value: String(c.id), label: c.name }))]}
                  onChange={(e) => update({ category: e.target.value })} />
                {categories.isError && <RetryButton label={t('categoriesRetry')} onRetry={() => void categories.refetch()} />}
                <SelectField label={t('priority')} name="priority" value={form.priority} options={priorities} error={errors[fieldPaths.priority]}
                  onChange={(e) => update({ priority: priorities.find((o) => o.value === e.target.value)?.value ?? 'medium' })} />
              </fieldset>
              <CreateTicketReferences form={form} errors={errors} update={update} />
            </div>
          </div>
        </div>

        <div className="create-ticket-actions">
          <Button type="button" variant="ghost" onClick={startOver} disabled={create.isPending}>
            {t('clear')}
          </Button>
          <Button type="submit" size="lg" isBusy={create.isPending}>
            {t('common:app.createTicket')}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** The error keys an input's change makes stale. */
function errorPathsOf(key: keyof CreateTicketForm): string[] {
  switch (key) {
    case 'customerMode':
      return [customerPath, fieldPaths.customerUser, fieldPaths.customerName, fieldPaths.customerEmail, fieldPaths.customerPhone];
    case 'customerUser':
      return [customerPath, fieldPaths.customerUser];
    case 'customerPhone':
    case 'customerLoyaltyId':
      // "An email or a phone number is required" sits at the email field.
      return [fieldPaths[key], fieldPaths.customerEmail];
    case 'orderItems':
    case 'customFields':
      return [];
    default:
      return [fieldPaths[key]];
  }
}

function failureMessage(error: Error, t: CreateT): string {
  if (!(error instanceof ApiError)) return error.message;
  if (error.status === 0) return t('unreachable');
  if (error.status >= 500) return t('serverProblem', { status: error.status });
  // The server's own words for a refusal it explains (a conflict, a limit), as it sends them.
  return error.message;
}

function RetryButton({ label, onRetry }: { label: string; onRetry: () => void }) {
  return (
    <button type="button" className="link-button create-ticket-retry" onClick={onRetry}>
      {label}
    </button>
  );
}

// Drafts live in the tab's session storage: another tab starts a form of its own.
const saveDraft = (key: string, form: CreateTicketForm) => writeStored(key, isBlankForm(form) ? null : JSON.stringify(form), 'session');
const removeDraft = (key: string) => writeStored(key, null, 'session');
