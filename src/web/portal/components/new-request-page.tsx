import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PortalRequestBody } from '../../../contract/portal.ts';
import { limits } from '../../../contract/limits.ts';
import { type FieldInput, type FieldInputs, fieldErrorPath, newTicketValues } from '../../../contract/ticket-field-display.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { TextAreaField } from '../../components/ui/textarea-field.tsx';
import { ApiError, fieldErrors } from '../../lib/api-client.ts';
import { type RequestResult, useSubmitRequest } from '../api/submit-request.ts';
import { usePortal } from '../app/portal-context.ts';
import { checkFiles } from '../lib/attachments.ts';
import { looksLikeEmail } from '../lib/email.ts';
import { usePortalDraft } from '../lib/portal-drafts.ts';
import { requestFieldProblems, requestFieldRefusals } from '../lib/request-fields.ts';
import { useWaitWords } from '../lib/wait.ts';
import { AttachmentPicker } from './attachment-picker.tsx';
import { CaptchaWidget, captchaToken } from './captcha-widget.tsx';
import { PortalTitle } from './portal-title.tsx';
import { RequestFields } from './request-fields.tsx';

const empty = { name: '', email: '', phone: '', category: '', order_number: '', subject: '', website: '' };
type Fields = typeof empty;

/** The public request form; a signed-in customer is not asked who they are. */
export function NewRequestPage() {
  const { t } = useTranslation(['portal', 'common']);
  const { ws, config, me, home } = usePortal();
  const [fields, setFields] = useState<Fields>(empty);
  const [description, setDescription, clearDescription] = usePortalDraft(ws, 'request');
  const [files, setFiles] = useState<File[]>([]);
  const [customFields, setCustomFields] = useState<FieldInputs>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusals, setRefusals] = useState(0);
  const [result, setResult] = useState<(RequestResult & { email: string }) | null>(null);
  const submit = useSubmitRequest(ws);
  const form = useRef<HTMLFormElement>(null);
  const waitWords = useWaitWords();

  // After a refused submit, focus goes to the first field to fix.
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const update = (key: keyof Fields, value: string) => {
    setFields((f) => ({ ...f, [key]: value }));
    setErrors(({ [key]: _, ...rest }) => rest);
  };
  const updateField = (key: string, value: FieldInput) => {
    setCustomFields((f) => ({ ...f, [key]: value }));
    setErrors(({ [fieldErrorPath(key)]: _, ...rest }) => rest);
  };

  const send = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!me && !fields.name.trim()) found.name = t('common:validation.required');
    if (!me && !fields.email.trim()) found.email = t('common:validation.required');
    else if (!me && !looksLikeEmail(fields.email.trim())) found.email = t('common:validation.email');
    if (!description.trim()) found.description = t('common:validation.required');
    // Only the fields filled in are sent; a required one left empty is refused here, at its input.
    const asked = newTicketValues(config.fields, customFields);
    Object.assign(found, requestFieldProblems(asked.problems, t));
    setErrors(found);
    submit.reset();
    if (Object.keys(found).length > 0 || checkFiles(files, config.attachments).length > 0) {
      setRefusals((n) => n + 1);
      return;
    }
    const text = (v: string) => v.trim() || undefined;
    const body: PortalRequestBody = {
      ...(me ? {} : { name: text(fields.name), email: text(fields.email) }),
      phone: text(fields.phone),
      category: fields.category ? Number(fields.category) : undefined,
      order_number: text(fields.order_number),
      subject: text(fields.subject),
      description: description.trim(),
      website: fields.website || undefined,
      custom_fields: Object.keys(asked.values).length > 0 ? asked.values : undefined,
      captcha_token: config.captcha ? captchaToken(form.current, config.captcha.provider) : undefined,
    };
    submit.mutate(
      { body, files },
      {
        onSuccess: (answer) => {
          setResult({ ...answer, email: fields.email.trim() });
          setFields(empty);
          setFiles([]);
          setCustomFields({});
          clearDescription();
        },
        onError: (error) => {
          setErrors({ ...fieldErrors(error), ...requestFieldRefusals(error, t) });
          setRefusals((n) => n + 1);
        },
      },
    );
  };

  const failure = submit.error instanceof ApiError ? submit.error : null;
  // Refusals of fields the form does not show (the honeypot, a CAPTCHA) are said above the form.
  const shown = new Set(['phone', 'order_number', 'subject', 'description', ...(me ? [] : ['name', 'email']), ...(config.categories.length > 0 ? ['category'] : []), ...config.fields.map((f) => fieldErrorPath(f.key))]);
  const unplaced = Object.entries(errors).filter(([field]) => !shown.has(field));
  const formError = submit.error && (Object.keys(fieldErrors(submit.error)).length === 0 || unplaced.length > 0) ? submit.error : null;

  if (result) return <RequestDone result={result} onAnother={() => { setResult(null); submit.reset(); }} />;
  return (
    <div className="portal-narrow portal-narrow-wide">
      <PortalTitle title={t('request.title')} />
      {me && (
        <nav className="breadcrumbs portal-breadcrumbs" aria-label={t('ticket.breadcrumbs')}>
          <Link to={home}>{t('frame.myTickets')}</Link> <span aria-hidden="true">›</span> <span aria-current="page">{t('request.title')}</span>
        </nav>
      )}
      <section className="card">
        <h1 className="card-title">{t('request.title')}</h1>
        {!config.accepts_requests ? (
          <Alert title={t('request.closedTitle')}>{t('request.closed', { workspace: config.workspace.name })}</Alert>
        ) : (
          <>
            <p className="card-intro">{t('request.intro')}</p>
            <form ref={form} className="form" onSubmit={send} noValidate>
              {formError && (
                <Alert title={t('request.failed')}>
                  {failure?.status === 429 && failure.retryAfter
                    ? t('request.tooMany', { time: waitWords(failure.retryAfter) })
                    : unplaced.length > 0
                      ? unplaced.map(([field, message]) => (field === 'website' ? t('request.refused') : field === 'captcha_token' ? t('request.captchaFailed') : message)).join(' ')
                      : formError.message}
                </Alert>
              )}
              <fieldset className="form-section">
                <legend>{t('request.you')}</legend>
                {me ? (
                  <p>{me.email ? t('request.asCustomer', { name: me.name, email: me.email }) : t('request.asCustomerNoEmail', { name: me.name })}</p>
                ) : (
                  <>
                    <TextField label={t('request.name')} name="name" autoComplete="name" maxLength={limits.nameMax} required value={fields.name}
                      error={errors.name} onChange={(e) => update('name', e.target.value)} />
                    <TextField label={t('request.email')} name="email" type="email" inputMode="email" autoComplete="email" maxLength={limits.emailMax} required
                      value={fields.email} error={errors.email} onChange={(e) => update('email', e.target.value)} />
                  </>
                )}
                <TextField label={t('request.phone')} name="phone" type="tel" autoComplete="tel" maxLength={limits.phoneMax} value={fields.phone}
                  error={errors.phone} onChange={(e) => update('phone', e.target.value)} />
              </fieldset>
              <fieldset className="form-section">
                <legend>{t('request.details')}</legend>
                {config.categories.length > 0 && (
                  <SelectField label={t('request.category')} name="category" value={fields.category} error={errors.category}
                    onChange={(e) => update('category', e.target.value)}
                    options={[{ value: '', label: t('request.chooseCategory') }, ...config.categories.map((c) => ({ value: String(c.id), label: c.name }))]} />
                )}
                <TextField label={t('request.orderNumber')} name="order_number" maxLength={limits.refMax} value={fields.order_number}
                  error={errors.order_number} onChange={(e) => update('order_number', e.target.value)} />
                <TextField label={t('request.subject')} name="subject" maxLength={limits.subjectMax} value={fields.subject} hint={t('request.subjectHint')}
                  error={errors.subject} onChange={(e) => update('subject', e.target.value)} />
                <TextAreaField label={t('request.description')} name="description" required rows={6} value={description} hint={t('request.descriptionHint')}
                  error={errors.description} onChange={(e) => { setDescription(e.target.value); setErrors(({ description: _, ...rest }) => rest); }} />
                <RequestFields fields={config.fields} inputs={customFields} errors={errors} onChange={updateField} />
                <AttachmentPicker label={t('request.attachments')} rules={config.attachments} files={files} onChange={setFiles} />
              </fieldset>
              {/* A honeypot: people never see or fill it; form-filling robots do, and the server drops their request. */}
              <div className="portal-honeypot" aria-hidden="true">
                <label>
                  {t('request.website')}
                  <input type="text" name="website" tabIndex={-1} autoComplete="off" value={fields.website} onChange={(e) => update('website', e.target.value)} />
                </label>
              </div>
              {config.captcha && <CaptchaWidget provider={config.captcha.provider} siteKey={config.captcha.site_key} />}
              <Button type="submit" size="lg" isBusy={submit.isPending}>
                {t('request.submit')}
              </Button>
            </form>
          </>
        )}
      </section>
    </div>
  );
}

/** The request arrived: its ticket number, and how to follow it. */
function RequestDone({ result, onAnother }: { result: RequestResult & { email: string }; onAnother: () => void }) {
  const { t } = useTranslation('portal');
  const { ws, me } = usePortal();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="portal-narrow portal-narrow-wide">
      <PortalTitle title={t('request.doneTitle')} />
      <section className="card portal-done">
        <h1 ref={heading} tabIndex={-1} className="card-title">
          {t('request.doneTitle')}
        </h1>
        <p className="portal-done-number">
          <Trans t={t} i18nKey={result.folded ? 'request.folded' : 'request.done'} values={{ number: result.number }} components={{ strong: <strong /> }} />
        </p>
        {me ? (
          <Link className="btn btn-primary btn-md" to={`/portal/${ws}/tickets/${encodeURIComponent(result.number)}`}>
            {t('request.open', { number: result.number })}
          </Link>
        ) : (
          <p>
            {t('request.follow')} <Link to={`/portal/${ws}${result.email ? `?email=${encodeURIComponent(result.email)}` : ''}`}>{t('signIn.submit')}</Link>
          </p>
        )}
        <button type="button" className="link-button" onClick={onAnother}>
          {t('request.another')}
        </button>
      </section>
    </div>
  );
}
