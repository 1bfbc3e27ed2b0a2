import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { webhookEvents, type Webhook, type WebhookEvent, type WebhookWithSecret } from '../../../../contract/webhooks.ts';
import { Button } from '../../../components/ui/button.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors, formError } from '../../../lib/api-client.ts';
import { useCreateWebhook, usePatchWebhook } from '../api/webhooks-save.ts';
import { CheckList } from './check-list.tsx';
import './service-levels.css';
import './webhooks.css';

type Underscored<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${B}` : S;

/** The i18n key of an event name (i18next reads dots as nesting). */
export const eventKey = <E extends WebhookEvent | 'ping'>(event: E) => `webhooks.event.${event.replace('.', '_')}` as `webhooks.event.${Underscored<E>}`;

interface WebhookDialogProps {
  /** The endpoint to change; none to add one. */
  webhook?: Webhook;
  onClose: () => void;
  /** A new endpoint, with the secret to show once. */
  onCreated: (created: WebhookWithSecret) => void;
}

/** Adds or changes an endpoint: its URL, the events it gets, and whether a local address is allowed. */
export function WebhookDialog({ webhook, onClose, onCreated }: WebhookDialogProps) {
  const { t } = useTranslation('admin');
  const create = useCreateWebhook();
  const patch = usePatchWebhook();
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [description, setDescription] = useState(webhook?.description ?? '');
  const [events, setEvents] = useState<WebhookEvent[]>(webhook?.events ?? ['ticket.created', 'ticket.status_changed', 'ticket.message_added']);
  const [allowPrivate, setAllowPrivate] = useState(webhook?.allow_private ?? false);
  const [missingEvents, setMissingEvents] = useState(false);
  const error = create.error ?? patch.error;
  const errors = fieldErrors(error);
  const isBusy = create.isPending || patch.isPending;

  const submit = () => {
    if (events.length === 0) return setMissingEvents(true);
    setMissingEvents(false);
    const body = { url: url.trim(), description: description.trim(), events, allow_private: allowPrivate };
    if (webhook) patch.mutate({ id: webhook.id, body }, { onSuccess: onClose });
    else
      create.mutate(body, {
        onSuccess: (created) => {
          onCreated(created);
          onClose();
        },
      });
  };
  const eventsError = missingEvents ? t('webhooks.form.noEvents') : (Object.entries(errors).find(([k]) => k.startsWith('events'))?.[1] ?? undefined);

  return (
    <FormDialog
      className="webhook-dialog"
      title={webhook ? t('webhooks.form.editTitle', { url: webhook.url }) : t('webhooks.form.addTitle')}
      isBusy={isBusy}
      error={formError(error, ['url', 'description', 'allow_private', ...Object.keys(errors).filter((k) => k.startsWith('events'))])}
      onSubmit={submit}
      onClose={onClose}
      actions={
        <Button type="submit" isBusy={isBusy}>
          {webhook ? t('webhooks.form.save') : t('webhooks.form.add')}
        </Button>
      }
    >
      <TextField
        label={t('webhooks.form.url')}
        hint={t('webhooks.form.urlHint')}
        error={errors.url}
        type="url"
        required
        value={url}
        onChange={(e) => setUrl(e.target.value)}
      />
      <TextField label={t('webhooks.form.description')} error={errors.description} value={description} onChange={(e) => setDescription(e.target.value)} />
      <fieldset className="form-section">
        <legend>{t('webhooks.form.events')}</legend>
        <p className="field-hint" id="webhook-events-hint">
          {eventsError ?? t('webhooks.form.eventsHint')}
        </p>
        <CheckList
          label={t('webhooks.form.events')}
          options={webhookEvents.map((e) => ({ value: e, label: t(eventKey(e)) }))}
          chosen={events}
          onChange={setEvents}
          describedBy="webhook-events-hint"
          isInvalid={eventsError !== undefined}
        />
      </fieldset>
      <label className="check-item">
        <input type="checkbox" checked={allowPrivate} onChange={(e) => setAllowPrivate(e.target.checked)} aria-describedby="webhook-private-hint" />
        <span>{t('webhooks.form.allowPrivate')}</span>
      </label>
      <p className="field-hint" id="webhook-private-hint">
        {t('webhooks.form.allowPrivateHint')}
      </p>
    </FormDialog>
  );
}
