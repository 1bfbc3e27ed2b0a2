import { useTranslation } from 'react-i18next';
import type { Department } from '../../../../contract/admin.ts';
import { imapTlsModes, type CreateImapMailboxBody, type ImapMailbox, type ImapTestResult, type ImapTlsMode, type PatchImapMailboxBody } from '../../../../contract/imap.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useSaveImapMailbox } from '../api/imap-mailboxes.ts';
import { useTestImapConnection, type ImapTestTarget } from '../api/imap-test.ts';
import { fieldErrorsAt, useDialogForm } from './use-dialog-form.ts';

interface MailboxForm {
  department_id: string;
  host: string;
  port: string;
  tls_mode: ImapTlsMode;
  username: string;
  password: string;
  folder: string;
  enabled: boolean;
}

const toForm = (m: ImapMailbox | undefined, departments: Department[]): MailboxForm => ({
  department_id: String(m?.department.id ?? departments[0]?.id ?? ''),
  host: m?.host ?? '',
  port: m ? String(m.port) : '',
  tls_mode: m?.tls_mode ?? 'implicit',
  username: m?.username ?? '',
  password: '',
  folder: m?.folder ?? 'INBOX',
  enabled: m?.enabled ?? true,
});

type Body = CreateImapMailboxBody | PatchImapMailboxBody;

/** The form as a request body, or what to fix at which field (the words the server would use). */
function checkForm(form: MailboxForm, isNew: boolean, say: { required: string; portRange: string }): { body: Body; errors: null } | { body: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  for (const field of ['department_id', 'host', 'username', 'folder'] as const) if (!form[field].trim()) errors[field] = say.required;
  if (isNew && !form.password) errors.password = say.required;
  const port = form.port.trim() === '' ? undefined : Number(form.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) errors.port = say.portRange;
  if (Object.keys(errors).length) return { body: null, errors };
  const body = {
    department_id: Number(form.department_id),
    host: form.host.trim(),
    ...(port !== undefined ? { port } : {}),
    tls_mode: form.tls_mode,
    username: form.username,
    ...(form.password ? { password: form.password } : {}),
    folder: form.folder.trim(),
    enabled: form.enabled,
  };
  return { body: body as Body, errors: null };
}

/** What the server said to a connection test: each step's answer, or the failing step's. */
function TestResult({ result, folder }: { result: ImapTestResult; folder: string }) {
  const { t } = useTranslation('admin');
  return (
    <section className="imap-test-result" aria-live="polite" aria-label={t('imap.result.title')}>
      <Alert tone={result.ok ? 'info' : 'error'} title={result.ok ? t('imap.result.ok', { folder, ms: result.elapsed_ms }) : t('imap.result.failed', { stage: t(`imap.result.stage.${result.stage}`) })}>
        <dl className="imap-test-facts">
          {result.error && (
            <>
              <dt>{t('imap.result.answer')}</dt>
              <dd>
                <code>{result.error}</code>
              </dd>
            </>
          )}
          {result.greeting && (
            <>
              <dt>{t('imap.result.greeting')}</dt>
              <dd>
                <code>{result.greeting}</code>
              </dd>
            </>
          )}
          {result.message_count !== null && (
            <>
              <dt>{t('imap.result.messages')}</dt>
              <dd>{t('imap.result.counts', { count: result.message_count, unseen: result.unseen_count ?? '?' })}</dd>
            </>
          )}
          {result.capabilities.length > 0 && (
            <>
              <dt>{t('imap.result.capabilities')}</dt>
              <dd>
                {result.idle ? t('imap.result.idle') : t('imap.result.noIdle')} <code>{result.capabilities.join(' ')}</code>
              </dd>
            </>
          )}
        </dl>
      </Alert>
    </section>
  );
}

interface ImapMailboxDialogProps {
  /** The mailbox to change; none to add one. */
  mailbox?: ImapMailbox;
  departments: Department[];
  onClose: () => void;
  onSaved: (mailbox: ImapMailbox) => void;
}

/** Adds or changes a department's IMAP mailbox; "Test connection" shows the server's answer to the settings as typed. */
export function ImapMailboxDialog({ mailbox, departments, onClose, onSaved }: ImapMailboxDialogProps) {
  const { t } = useTranslation(['admin', 'common']);
  const save = useSaveImapMailbox();
  const test = useTestImapConnection();
  const say = { required: t('imap.required'), portRange: t('imap.portRange') };
  const check = (form: MailboxForm) => checkForm(form, !mailbox, say);
  const { form, change, errors, submit, container } = useDialogForm({
    initial: () => toForm(mailbox, departments),
    check,
    id: mailbox?.id ?? null,
    save: { mutate: (v, o) => save.mutate(v.id === null ? { id: null, body: v.body as CreateImapMailboxBody } : { id: v.id, body: v.body }, o), reset: save.reset },
    serverErrors: (error) => fieldErrorsAt(error, (field) => field),
    onSaved,
    onClose,
  });
  const edit = (next: Partial<MailboxForm>) => {
    change(next);
    test.reset();
  };
  const runTest = () => {
    // A saved mailbox whose password was not typed again is tested with its stored settings.
    if (mailbox && !form.password) return test.mutate({ id: mailbox.id });
    const checked = check({ ...form, password: form.password || ' ' });
    if (!checked.body) return;
    const { host, port, tls_mode, username, folder } = checked.body as CreateImapMailboxBody;
    const target: ImapTestTarget = { settings: { host, port, tls_mode, username, password: form.password, folder } };
    test.mutate(target);
  };

  return (
    <FormDialog
      title={mailbox ? t('imap.editTitle', { name: `${mailbox.username}@${mailbox.host}` }) : t('imap.addTitle')}
      isBusy={save.isPending}
      error={save.isError && Object.keys(errors).length === 0 ? t('imap.saveFailed', { message: save.error.message }) : null}
      onSubmit={(submitter) => (submitter === 'test' ? runTest() : submit())}
      onClose={onClose}
      className="policy-dialog"
      actions={
        <>
          <Button type="submit" name="action" value="test" variant="secondary" isBusy={test.isPending}>
            {t('imap.test')}
          </Button>
          <Button type="submit" isBusy={save.isPending}>
            {mailbox ? t('imap.save') : t('imap.add')}
          </Button>
        </>
      }
    >
      <div ref={container} className="form">
        <SelectField
          label={t('imap.field.department')}
          name="department_id"
          value={form.department_id}
          error={errors.department_id}
          options={departments.map((d) => ({ value: String(d.id), label: d.name }))}
          onChange={(e) => edit({ department_id: e.target.value })}
        />
        <div className="calendar-basics">
          <TextField label={t('imap.field.host')} name="host" value={form.host} error={errors.host} hint={t('imap.field.hostHint')} autoComplete="off" required onChange={(e) => edit({ host: e.target.value })} />
          <TextField label={t('imap.field.port')} name="port" inputMode="numeric" value={form.port} error={errors.port} hint={t('imap.field.portHint')} onChange={(e) => edit({ port: e.target.value })} />
        </div>
        <SelectField
          label={t('imap.field.tls')}
          name="tls_mode"
          value={form.tls_mode}
          error={errors.tls_mode}
          options={imapTlsModes.map((m) => ({ value: m, label: t(`imap.tls.${m}`) }))}
          onChange={(e) => edit({ tls_mode: e.target.value as ImapTlsMode })}
        />
        <div className="calendar-basics">
          <TextField label={t('imap.field.username')} name="username" value={form.username} error={errors.username} autoComplete="off" required onChange={(e) => edit({ username: e.target.value })} />
          <TextField
            label={t('imap.field.password')}
            name="password"
            type="password"
            value={form.password}
            error={errors.password}
            hint={mailbox ? t('imap.field.passwordKeep') : undefined}
            autoComplete="new-password"
            required={!mailbox}
            onChange={(e) => edit({ password: e.target.value })}
          />
        </div>
        <TextField label={t('imap.field.folder')} name="folder" value={form.folder} error={errors.folder} autoComplete="off" required onChange={(e) => edit({ folder: e.target.value })} />
        <label className="switch-field">
          <input type="checkbox" role="switch" name="enabled" checked={form.enabled} onChange={(e) => edit({ enabled: e.target.checked })} />
          <span className="field-label">{t('imap.field.enabled')}</span>
        </label>
        {test.data && <TestResult result={test.data} folder={form.folder} />}
        {test.isError && <Alert>{t('imap.testFailed', { message: test.error.message })}</Alert>}
      </div>
    </FormDialog>
  );
}
