import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Webhook, WebhookWithSecret } from '../../../../contract/webhooks.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { useDeleteWebhook, usePingWebhook, useRotateWebhookSecret } from '../api/webhooks-actions.ts';
import { useWebhooks } from '../api/webhooks-list.ts';
import { usePatchWebhook } from '../api/webhooks-save.ts';
import { isForbidden } from '../admin-access.ts';
import { AdminOnly } from './admin-only.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { WebhookDeliveries } from './webhook-deliveries.tsx';
import { WebhookDialog } from './webhook-dialog.tsx';
import './outbox.css';
import './webhooks.css';

type Editing = { kind: 'add' } | { kind: 'edit'; webhook: Webhook } | { kind: 'rotate'; webhook: Webhook } | { kind: 'delete'; webhook: Webhook } | null;

/** The secret of a new or rotated endpoint, shown this once. */
function SecretNotice({ shown, onDone }: { shown: WebhookWithSecret; onDone: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Alert tone="info" title={t('webhooks.secretTitle', { url: shown.url })}>
      <p>{t('webhooks.secretText')}</p>
      <p>
        <code className="webhook-secret" aria-label={t('webhooks.secretTitle', { url: shown.url })}>
          {shown.secret}
        </code>
      </p>
      <Button variant="secondary" onClick={onDone}>
        {t('webhooks.secretDone')}
      </Button>
    </Alert>
  );
}

function WebhookRow({ webhook, onEdit, onRotate, onDelete, onLog }: { webhook: Webhook; onEdit: () => void; onRotate: () => void; onDelete: () => void; onLog: () => void }) {
  const { t } = useTranslation('admin');
  const patch = usePatchWebhook();
  const ping = usePingWebhook();
  const failed = patch.error ?? ping.error;
  return (
    <tr data-id={webhook.id}>
      <td className="col-subject">
        <span className="cell-main">{webhook.url}</span>
        {webhook.description && <span className="cell-sub">{webhook.description}</span>}
      </td>
      <td title={webhook.events.join(', ')}>{t('webhooks.eventsCount', { count: webhook.events.length })}</td>
      <td className="col-status">
        <Badge tone={webhook.enabled ? 'green' : 'red'}>{webhook.enabled ? t('webhooks.on') : t('webhooks.off')}</Badge>
        {webhook.disabled_reason && <span className="cell-sub">{webhook.disabled_reason}</span>}
        {webhook.enabled && webhook.consecutive_failures > 0 && <span className="cell-sub">{t('webhooks.failures', { count: webhook.consecutive_failures })}</span>}
      </td>
      <td>
        <div className="webhook-actions">
          <Button variant="secondary" onClick={onLog}>
            {t('webhooks.deliveries')}
          </Button>
          <Button variant="ghost" onClick={onEdit}>
            {t('webhooks.form.edit')}
          </Button>
          <Button variant="ghost" isBusy={patch.isPending} onClick={() => patch.mutate({ id: webhook.id, body: { enabled: !webhook.enabled } })}>
            {webhook.enabled ? t('webhooks.turnOff') : t('webhooks.turnOn')}
          </Button>
          <Button variant="ghost" isBusy={ping.isPending} onClick={() => ping.mutate(webhook.id)}>
            {t('webhooks.ping')}
          </Button>
          <Button variant="ghost" onClick={onRotate}>
            {t('webhooks.rotate')}
          </Button>
          <Button variant="ghost" onClick={onDelete}>
            {t('webhooks.delete')}
          </Button>
        </div>
        {ping.isSuccess && <p role="status">{t('webhooks.pinged')}</p>}
        {failed && <Alert>{t('webhooks.actionFailed', { message: failed.message })}</Alert>}
      </td>
    </tr>
  );
}

/** The admin's webhook endpoints (DESIGN.md §3 "Integrations"): add, change, turn off and on, test, rotate secrets, and read each delivery log. */
export function WebhooksPage() {
  const { t } = useTranslation(['admin', 'common']);
  const webhooks = useWebhooks();
  const remove = useDeleteWebhook();
  const rotate = useRotateWebhookSecret();
  const [editing, setEditing] = useState<Editing>(null);
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  const [logOf, setLogOf] = useState<number | null>(null);
  if (isForbidden(webhooks.error)) return <AdminOnly />;
  const items = webhooks.data?.items ?? [];
  const logged = items.find((w) => w.id === logOf);
  const close = () => {
    setEditing(null);
    remove.reset();
    rotate.reset();
  };

  return (
    <div className="page outbox-page">
      <title>{t('common:app.titleSuffix', { title: t('webhooks.title') })}</title>
      <div className="page-head">
        <div>
          <h1 className="page-title">{t('webhooks.title')}</h1>
          <p className="page-intro">{t('webhooks.intro')}</p>
        </div>
        <Button onClick={() => setEditing({ kind: 'add' })}>{t('webhooks.add')}</Button>
      </div>
      {secret && <SecretNotice shown={secret} onDone={() => setSecret(null)} />}
      <section className="panel" aria-labelledby="webhooks-list-title" aria-busy={webhooks.isFetching || undefined}>
        <div className="panel-head">
          <h2 id="webhooks-list-title" className="panel-title">
            {t('webhooks.listTitle')}
          </h2>
        </div>
        {webhooks.isError && !webhooks.data ? (
          <div className="panel-body">
            <RetryAlert title={t('webhooks.loadFailed')} error={webhooks.error} onRetry={() => void webhooks.refetch()} />
          </div>
        ) : webhooks.isSuccess && items.length === 0 ? (
          <div className="empty-state" role="status">
            <h3>{t('webhooks.emptyTitle')}</h3>
            <p>{t('webhooks.emptyText')}</p>
          </div>
        ) : (
          <div className="table-scroll">
            <table className="outbox-table" aria-busy={webhooks.isPending || undefined}>
              <thead>
                <tr>
                  {(['url', 'events', 'status', 'actions'] as const).map((c) => (
                    <th key={c} scope="col">
                      {t(`webhooks.column.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((w) => (
                  <WebhookRow
                    key={w.id}
                    webhook={w}
                    onEdit={() => setEditing({ kind: 'edit', webhook: w })}
                    onRotate={() => setEditing({ kind: 'rotate', webhook: w })}
                    onDelete={() => setEditing({ kind: 'delete', webhook: w })}
                    onLog={() => setLogOf(w.id)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {logged && <WebhookDeliveries webhook={logged} onClose={() => setLogOf(null)} />}
      {(editing?.kind === 'add' || editing?.kind === 'edit') && (
        <WebhookDialog webhook={editing.kind === 'edit' ? editing.webhook : undefined} onClose={close} onCreated={setSecret} />
      )}
      {editing?.kind === 'rotate' && (
        <ConfirmDialog
          title={t('webhooks.rotateTitle', { url: editing.webhook.url })}
          text={t('webhooks.rotateText')}
          confirmLabel={t('webhooks.rotate')}
          isBusy={rotate.isPending}
          error={rotate.error?.message ?? null}
          onConfirm={() =>
            rotate.mutate(editing.webhook.id, {
              onSuccess: (rotated) => {
                setSecret(rotated);
                close();
              },
            })
          }
          onCancel={close}
        />
      )}
      {editing?.kind === 'delete' && (
        <ConfirmDialog
          title={t('webhooks.deleteTitle', { url: editing.webhook.url })}
          text={t('webhooks.deleteText')}
          confirmLabel={t('webhooks.delete')}
          isBusy={remove.isPending}
          error={remove.error?.message ?? null}
          onConfirm={() =>
            remove.mutate(editing.webhook.id, {
              onSuccess: () => {
                if (logOf === editing.webhook.id) setLogOf(null);
                close();
              },
            })
          }
          onCancel={close}
        />
      )}
    </div>
  );
}
