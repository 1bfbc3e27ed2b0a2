import { type FormEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type MailPreview, type MailTemplateItem, mailLimits, type PutMailTemplateBody, putMailTemplateBody } from '../../../../contract/mail.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { languageNames } from '../../../i18n/languages.ts';
import { fieldErrors } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useDraft } from '../../../lib/use-draft.ts';
import { validate } from '../../../lib/validation.ts';
import { useSession } from '../../auth/api/get-session.ts';
import { usePreviewMailTemplate } from '../api/preview-mail-template.ts';
import { useResetMailTemplate } from '../api/reset-mail-template.ts';
import { useSaveMailTemplate } from '../api/save-mail-template.ts';
import { useSendTestMail } from '../api/send-test-mail.ts';
import { decodeDraft, encodeDraft, insertVariable, isSameText, type TemplateField, type TemplateIssue, templateIssues, type TemplateText } from '../template-form.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { MailTemplatePreview } from './mail-template-preview.tsx';
import { TemplateVariables } from './template-variables.tsx';

type Errors = Partial<Record<TemplateField, string>>;

/**
 * The wording of one mail in one language: subject and body with the variables they may use.
 * What is typed is kept in the browser until it is saved or discarded, so a reload loses nothing.
 */
export function MailTemplateEditor({ item }: { item: MailTemplateItem }) {
  const { t } = useTranslation(['admin', 'common']);
  const { workspace } = useSession();
  const [stored, setStored, clearStored] = useDraft(`mail-template:${workspace.slug}:${item.template}:${item.language}`);
  const saved = { subject: item.subject, body: item.body };
  const text = decodeDraft(stored) ?? saved;
  const isDirty = !isSameText(text, saved);
  const save = useSaveMailTemplate(item.template, item.language);
  const reset = useResetMailTemplate(item.template, item.language);
  const preview = usePreviewMailTemplate(item.template, item.language);
  const test = useSendTestMail(item.template, item.language);
  // The preview while it is open, and the text it was made of (kept when an update fails).
  const [shown, setShown] = useState<{ text: TemplateText; mail: MailPreview } | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<'saved' | 'reset' | 'unchanged' | null>(null);
  const [isConfirming, setConfirming] = useState(false);

  const fields = { subject: useRef<HTMLInputElement>(null), body: useRef<HTMLTextAreaElement>(null) };
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  // The field a variable goes into: the one last typed in (the body until then).
  const lastField = useRef<TemplateField>('body');
  const pendingCaret = useRef<{ field: TemplateField; at: number } | null>(null);
  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    if (!caret) return;
    pendingCaret.current = null;
    const el = fields[caret.field].current;
    el?.focus();
    el?.setSelectionRange(caret.at, caret.at);
  });
  // Where focus goes once the confirmation is gone (nothing outside a modal dialog takes focus while it is open).
  const focusAfterDialog = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (isConfirming || !focusAfterDialog.current) return;
    focusAfterDialog.current.focus();
    focusAfterDialog.current = null;
  }, [isConfirming]);
  // Bumped when a save is refused, so focus goes to the first field to fix once it shows its error.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const name = t(`template.${item.template}.name`);
  const language = languageNames[item.language];

  const change = (field: TemplateField, value: string) => {
    setStored(encodeDraft({ ...text, [field]: value }, saved));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setNotice(null);
    save.reset();
    preview.reset();
    if (test.isError) test.reset();
  };

  const insert = (variable: string) => {
    const field = lastField.current;
    const el = fields[field].current;
    const next = insertVariable(text[field], el?.selectionStart ?? null, el?.selectionEnd ?? null, variable);
    pendingCaret.current = { field, at: next.caret };
    change(field, next.value);
  };

  const word = (issue: TemplateIssue): string => {
    const v = issue.variable ?? '';
    if (issue.rule === 'template_syntax') return t('editor.error.template_syntax', { open: '{{#name}}', close: '{{/name}}' });
    return t(`editor.error.${issue.rule}`, { variable: issue.rule === 'partial' ? `{{>${v}}}` : `{{${v}}}` });
  };
  const refuse = (found: Errors) => {
    setErrors(found);
    setRefusals((n) => n + 1);
  };
  /** A 400 of save, preview or test told at the fields it names, as a save's; true when it named one. */
  const refuseAtFields = (error: unknown): boolean => {
    const generic = fieldErrors(error);
    const issues = templateIssues(error);
    const found: Errors = {};
    for (const field of ['subject', 'body'] as const) {
      const issue = issues[field];
      const message = issue ? word(issue) : generic[field];
      if (message) found[field] = message;
    }
    if (!found.subject && !found.body) return false;
    refuse(found);
    return true;
  };
  /** The text, when it may be sent at all (not empty, not too long). */
  const checkedText = (): PutMailTemplateBody | null => {
    const checked = validate(putMailTemplateBody, text);
    if (checked.errors) refuse({ subject: checked.errors.subject, body: checked.errors.body });
    return checked.data ?? null;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!isDirty) return setNotice('unchanged');
    const draft = checkedText();
    if (!draft) return;
    save.mutate(draft, {
      onSuccess: () => {
        clearStored();
        setNotice('saved');
      },
      onError: refuseAtFields,
    });
  };

  const showPreview = () => {
    const draft = checkedText();
    if (!draft) return;
    const isFirst = !shown;
    preview.mutate(draft, {
      onSuccess: (mail) => {
        setShown({ text: draft, mail });
        // A new preview opens below the form: focus (and the view) goes to it.
        if (isFirst) requestAnimationFrame(() => previewHeading.current?.focus());
      },
      onError: refuseAtFields,
    });
  };
  const sendTest = () => {
    const draft = checkedText();
    if (draft) test.mutate(draft, { onError: refuseAtFields });
  };

  const confirmReset = () =>
    reset.mutate(undefined, {
      onSuccess: () => {
        clearStored();
        setErrors({});
        setNotice('reset');
        // The Reset button is gone with the own wording: focus goes back to the top of the editor.
        focusAfterDialog.current = heading.current;
        setConfirming(false);
      },
    });

  const hasFieldErrors = Boolean(errors.subject || errors.body);
  // A failure the fields do not show (the server down, a 5xx), said once above the buttons.
  const failure = hasFieldErrors
    ? null
    : save.error
      ? t('editor.saveFailed', { message: save.error.message })
      : preview.error
        ? t('mailPreview.failed', { message: preview.error.message })
        : test.error
          ? t('mailPreview.sendFailed', { message: test.error.message })
          : null;
  return (
    <section className="panel template-editor" aria-labelledby="template-editor-title">
      <div className="panel-head template-editor-head">
        <div>
          <h2 ref={heading} id="template-editor-title" className="panel-title" tabIndex={-1}>
            {t('editor.title', { name, language })}
          </h2>
          <p className="template-editor-when">{t('editor.when', { when: t(`template.${item.template}.when`) })}</p>
        </div>
        {item.customised ? (
          <Badge tone="violet" title={item.updated_at ? t('editor.changed', { when: formatDateTime(item.updated_at) }) : undefined}>
            {t('templates.customised')}
          </Badge>
        ) : (
          <Badge>{t('templates.builtIn')}</Badge>
        )}
      </div>
      <form ref={form} className="form panel-body template-form" onSubmit={submit} noValidate>
        <Field label={t('editor.subject')} error={errors.subject}>
          {(wiring) => (
            <input
              ref={fields.subject}
              className="field-input"
              name="subject"
              value={text.subject}
              maxLength={mailLimits.subjectMax}
              onFocus={() => (lastField.current = 'subject')}
              onChange={(e) => change('subject', e.target.value)}
              {...wiring}
            />
          )}
        </Field>
        <Field label={t('editor.body')} hint={t('editor.bodyHint')} error={errors.body}>
          {(wiring) => (
            <textarea
              ref={fields.body}
              className="field-input field-textarea template-body"
              name="body"
              rows={14}
              value={text.body}
              maxLength={mailLimits.bodyMax}
              onFocus={() => (lastField.current = 'body')}
              onChange={(e) => change('body', e.target.value)}
              {...wiring}
            />
          )}
        </Field>
        <TemplateVariables names={item.variables} onInsert={insert} />

        {failure && <Alert>{failure}</Alert>}
        {isDirty && (
          <p className="template-unsaved">
            {t('editor.unsaved')}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                clearStored();
                setErrors({});
                save.reset();
              }}
            >
              {t('editor.discard')}
            </button>
          </p>
        )}
        <div className="template-actions">
          <Button type="submit" isBusy={save.isPending}>
            {t('editor.save')}
          </Button>
          <Button type="button" variant="secondary" isBusy={preview.isPending} onClick={showPreview} data-action="preview">
            {t('mailPreview.preview')}
          </Button>
          <Button type="button" variant="secondary" isBusy={test.isPending} onClick={sendTest}>
            {t('mailPreview.sendTest')}
          </Button>
          {item.customised && (
            <button ref={resetButton} type="button" className="btn btn-secondary btn-md" onClick={() => setConfirming(true)}>
              {t('editor.reset')}
            </button>
          )}
          <p className="template-notice" role="status">
            {notice ? t(`editor.notice.${notice}`) : ''}
          </p>
        </div>
        <p className="field-hint">{t('mailPreview.hint')}</p>
        <div className="template-test-sent" role="status">
          {test.isSuccess && (
            <>
              {t('mailPreview.sent', { address: test.data.to_address })} <Link to={`/admin/outbox/${test.data.outbox_id}`}>{t('mailPreview.openSent')}</Link>
            </>
          )}
        </div>
      </form>
      {shown && (
        <MailTemplatePreview
          preview={shown.mail}
          isStale={!isSameText(shown.text, text)}
          isUpdating={preview.isPending}
          headingRef={previewHeading}
          onUpdate={showPreview}
          onClose={() => {
            setShown(null);
            preview.reset();
            form.current?.querySelector<HTMLElement>('[data-action="preview"]')?.focus();
          }}
        />
      )}
      {isConfirming && (
        <ConfirmDialog
          title={t('editor.resetTitle', { name, language })}
          text={t('editor.resetText')}
          confirmLabel={t('editor.resetConfirm')}
          isBusy={reset.isPending}
          error={reset.isError ? t('editor.resetFailed', { message: reset.error.message }) : null}
          onConfirm={confirmReset}
          onCancel={() => {
            focusAfterDialog.current = resetButton.current;
            setConfirming(false);
            reset.reset();
          }}
        />
      )}
    </section>
  );
}
