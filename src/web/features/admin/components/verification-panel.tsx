import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Channel, channels } from '../../../../contract/channels.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { useSettings } from '../api/get-settings.ts';
import { type ChannelSetting, useSaveChannelSetting } from '../api/save-verification-channels.ts';
import { CheckList } from './check-list.tsx';
import { SettingsPanel } from './settings-panel.tsx';
import { SaveActions } from './save-actions.tsx';

type Words = 'verification' | 'channelsOn';

/** The form once the settings are read: the channels as they are saved, changed here until Save. */
function ChannelsForm({ setting, words, saved }: { setting: ChannelSetting; words: Words; saved: Channel[] }) {
  const { t } = useTranslation(['admin', 'common']);
  const [chosen, setChosen] = useState<Channel[]>(saved);
  const [notice, setNotice] = useState('');
  const save = useSaveChannelSetting(setting);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(chosen, { onSuccess: (settings) => setNotice(settings[setting].length ? t(`${words}.saved`) : t(`${words}.savedNone`)) });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <CheckList
        label={t(`${words}.channels`)}
        options={channels.map((c) => ({ value: c, label: t(`common:channel.${c}`) }))}
        chosen={chosen}
        onChange={(next) => {
          setChosen(next);
          setNotice('');
          save.reset();
        }}
      />
      {save.isError && <Alert>{t(`${words}.failed`, { message: save.error.message })}</Alert>}
      <SaveActions label={t(`${words}.save`)} variant="secondary" isBusy={save.isPending} notice={notice} />
    </form>
  );
}

function ChannelsPanel({ setting, words }: { setting: ChannelSetting; words: Words }) {
  const { t } = useTranslation('admin');
  const settings = useSettings();
  return (
    <SettingsPanel id={`${words}-title`} title={t(`${words}.title`)} intro={t(`${words}.intro`)}>
      {settings.isError && !settings.data ? (
        <RetryAlert title={t(`${words}.loadFailed`)} error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data ? (
        <ChannelsForm setting={setting} words={words} saved={settings.data[setting]} />
      ) : null}
    </SettingsPanel>
  );
}

/** The workspace's channels whose new tickets wait for verification. */
export const VerificationPanel = () => <ChannelsPanel setting="verification_channels" words="verification" />;

/** The workspace's channels that take new tickets. */
export const ChannelsOnPanel = () => <ChannelsPanel setting="channels_enabled" words="channelsOn" />;
