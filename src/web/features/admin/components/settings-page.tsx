import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language, type Settings } from '../../../../contract/workspaces.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formError } from '../../../lib/api-client.ts';
import { useSettings } from '../api/get-settings.ts';
import { useSaveSettings } from '../api/save-settings.ts';
import { isForbidden } from '../admin-access.ts';
import { changedSettings, checkSettings, type SettingsForm, settingsSaveErrors, settingsToForm, timeZoneChoices } from '../settings-form.ts';
import { AdminOnly } from './admin-only.tsx';
import { AdminPage } from './admin-page.tsx';
import { AutoCloseField, LogoField, TicketNumberFields } from './settings-fields.tsx';
import { useFocusFirstError } from './use-focus-first-error.ts';
import './service-levels.css';
import './workspace-admin.css';
import { SaveActions } from './save-actions.tsx';

const fields = [
  'name',
  'logo_url',
  'public_url',
  'default_language',
  'time_zone',
  'default_country',
  'ticket_number_prefix',
  'ticket_number_padding',
  'auto_close_after_seconds',
  'sender_name',
  'sender_email',
];

/** A panel of the form: its title names it. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <div className="panel-head">
        <h2 id={id} className="panel-title">
          {title}
        </h2>
      </div>
      <div className="panel-body form">{children}</div>
    </section>
  );
}

/** The form once the settings are read: the values as saved, changed here until Save sends what differs. */
function WorkspaceSettingsForm({ saved }: { saved: Settings }) {
  const { t } = useTranslation('admin');
  const save = useSaveSettings();
  const [form, setForm] = useState<SettingsForm>(() => settingsToForm(saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const { container, refused } = useFocusFirstError<HTMLFormElement>();
  const zones = useMemo(() => timeZoneChoices(saved.time_zone), [saved.time_zone]);
  const change = (next: Partial<SettingsForm>) => {
    setForm((f) => ({ ...f, ...next }));
    setNotice('');
    save.reset();
  };
  const text = (field: Exclude<keyof SettingsForm, 'auto_close' | 'default_language'>) => ({
    name: field,
    value: form[field],
    error: errors[field],
    onChange: (e: { target: { value: string } }) => change({ [field]: e.target.value }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkSettings(form);
    setErrors(checked.errors ?? {});
    if (!checked.body) return refused();
    const body = changedSettings(saved, checked.body);
    if (Object.keys(body).length === 0) return setNotice(t('settings.unchanged'));
    save.mutate(body, {
      onSuccess: (settings) => {
        // The values as the server keeps them: a country in capitals, a zone in its usual spelling.
        setForm(settingsToForm(settings));
        setNotice(t('settings.saved'));
      },
      onError: (error) => {
        const found = settingsSaveErrors(error);
        setErrors(found);
        if (Object.keys(found).length) refused();
      },
    });
  };
  const failure = formError(save.error, fields);

  return (
    <form ref={container} className="settings-form" onSubmit={submit} noValidate aria-label={t('settings.title')}>
      <Section id="settings-workspace-title" title={t('settings.workspaceTitle')}>
        <div className="settings-grid">
          <TextField label={t('settings.name')} hint={t('settings.nameHint')} required maxLength={200} autoComplete="organization" {...text('name')} />
          <LogoField value={form.logo_url} error={errors.logo_url} onChange={(logo_url) => change({ logo_url })} />
          <TextField label={t('settings.publicUrl')} hint={t('settings.publicUrlHint')} type="url" inputMode="url" autoComplete="off" placeholder="https://" maxLength={500} {...text('public_url')} />
          <SelectField
            label={t('settings.language')}
            hint={t('settings.languageHint')}
            name="default_language"
            value={form.default_language}
            error={errors.default_language}
            options={languages.map((l) => ({ value: l, label: t(`settings.languages.${l}`) }))}
            onChange={(e) => change({ default_language: e.target.value as Language })}
          />
          <TextField label={t('settings.timeZone')} hint={t('settings.timeZoneHint')} list="settings-time-zones" autoComplete="off" spellCheck={false} maxLength={64} {...text('time_zone')} />
          <TextField
            label={t('settings.country')}
            hint={t('settings.countryHint')}
            className="settings-narrow settings-country"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={2}
            {...text('default_country')}
          />
        </div>
        <datalist id="settings-time-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </Section>

      <Section id="settings-tickets-title" title={t('settings.ticketsTitle')}>
        <TicketNumberFields
          prefix={form.ticket_number_prefix}
          padding={form.ticket_number_padding}
          savedPadding={saved.ticket_number_padding}
          timeZone={form.time_zone}
          errors={{ prefix: errors.ticket_number_prefix, padding: errors.ticket_number_padding }}
          onChange={change}
        />
        <AutoCloseField value={form.auto_close} error={errors.auto_close_after_seconds} onChange={(auto_close) => change({ auto_close })} />
      </Section>

      <Section id="settings-mail-title" title={t('settings.mailTitle')}>
        <div className="settings-grid">
          <TextField label={t('settings.senderName')} hint={t('settings.senderNameHint')} maxLength={200} autoComplete="off" {...text('sender_name')} />
          <TextField label={t('settings.senderEmail')} hint={t('settings.senderEmailHint')} type="email" autoComplete="off" maxLength={254} {...text('sender_email')} />
        </div>
      </Section>

      <div className="settings-actions">
        {failure && <Alert>{t('settings.failed', { message: failure })}</Alert>}
        <SaveActions label={t('settings.save')} isBusy={save.isPending} notice={notice} />
      </div>
    </form>
  );
}

/** Workspace settings (DESIGN.md §3, Admin): name and logo, public address, language, time zone, ticket numbers, auto-close, sender. */
export function SettingsPage() {
  const { t } = useTranslation(['admin', 'common']);
  const settings = useSettings();
  if (isForbidden(settings.error)) return <AdminOnly />;
  return (
    <AdminPage title={t('settings.title')} intro={t('settings.intro')}>
      {settings.isError && !settings.data ? (
        <RetryAlert title={t('settings.loadFailed')} error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data ? (
        <WorkspaceSettingsForm saved={settings.data} />
      ) : (
        <div className="panel panel-loading">
          <Spinner label={t('common:app.loading')} />
        </div>
      )}
    </AdminPage>
  );
}
