import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Channel, channels } from '../../../../contract/channels.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { useSettings } from '../api/get-settings.ts';
import { useSaveVerificationChannels } from '../api/save-verification-channels.ts';
import { CheckList } from './check-list.tsx';
import { SettingsPanel } from './settings-panel.tsx';

/** The form once the settings are read: the channels as they are saved, changed here until Save. */
function VerificationForm({ saved }: { saved: Channel[] }) {
  const { t } = useTranslation(['admin', 'common']);
  const [chosen, setChosen] = useState<Channel[]>(saved);
  const [notice, setNotice] = useState('');
  const save = useSaveVerificationChannels();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(chosen, { onSuccess: (settings) => setNotice(settings.verification_channels.length ? t('verification.saved') : t('verification.savedNone')) });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <CheckList
        label={t('verification.channels')}
        options={channels.map((c) => ({ value: c, label: t(`common:channel.${c}`) }))}
        chosen={chosen}
        onChange={(next) => {
          setChosen(next);
          setNotice('');
          save.reset();
        }}
      />
      {save.isError && <Alert>{t('verification.failed', { message: save.error.message })}</Alert>}
      <div className="escalation-actions">
        <Button type="submit" variant="secondary" isBusy={save.isPending}>
          {t('verification.save')}
        </Button>
        <p role="status" className="form-notice">
          {notice}
        </p>
      </div>
    </form>
  );
}

/** The workspace's channels whose new tickets wait for verification. */
export function VerificationPanel() {
  const { t } = useTranslation('admin');
  const settings = useSettings();
  return (
    <SettingsPanel id="verification-title" title={t('verification.title')} intro={t('verification.intro')}>
      {settings.isError && !settings.data ? (
        <RetryAlert title={t('verification.loadFailed')} error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data ? (
        <VerificationForm saved={settings.data.verification_channels} />
      ) : null}
    </SettingsPanel>
  );
}
