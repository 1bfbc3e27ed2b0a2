import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '../../../../contract/admin.ts';
import { Button } from '../../../components/ui/button.tsx';
import { useApiKeys } from '../api/get-api-keys.ts';
import { useRevokeApiKey } from '../api/revoke-api-key.ts';
import type { CreatedApiKey } from '../api/save-api-key.ts';
import { isForbidden } from '../admin-access.ts';
import { sortApiKeys } from '../api-key-form.ts';
import { AdminOnly } from './admin-only.tsx';
import { AdminPage } from './admin-page.tsx';
import { ApiKeyDialog } from './api-key-dialog.tsx';
import { ApiKeyShown } from './api-key-shown.tsx';
import { ApiKeyTable } from './api-key-table.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { ListPanel } from './list-panel.tsx';
import { useListPage } from './use-list-page.ts';
import './api-keys.css';
import './service-levels.css';

type Open = { dialog: 'edit'; apiKey?: ApiKey } | { dialog: 'revoke'; apiKey: ApiKey };

/** API keys (DESIGN.md §3, Integrations): create one with its scopes and see its secret once, rename or rescope it, revoke it. */
export function ApiKeysPage() {
  const { t } = useTranslation('admin');
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const page = useListPage<Open>(revoke);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  if (isForbidden(keys.error)) return <AdminOnly />;
  const { open } = page;
  const active = keys.data?.items.filter((k) => !k.revoked_at).length ?? 0;

  return (
    <AdminPage
      title={t('apiKeys.title')}
      intro={t('apiKeys.intro')}
      headingRef={page.heading}
      action={
        <Button
          onClick={() => {
            setCreated(null);
            page.show({ dialog: 'edit' });
          }}
        >
          {t('apiKeys.addButton')}
        </Button>
      }
    >
      <p role="status" className="form-notice">
        {page.notice}
      </p>
      {created && <ApiKeyShown created={created} onDone={() => setCreated(null)} />}
      <ListPanel
        id="api-keys-title"
        title={t('apiKeys.listTitle')}
        meta={active > 0 ? t('apiKeys.count', { count: active }) : undefined}
        list={keys}
        loadFailed={t('apiKeys.loadFailed')}
        empty={{ title: t('apiKeys.emptyTitle'), text: t('apiKeys.emptyText') }}
      >
        {(data) => (
          <ApiKeyTable
            keys={sortApiKeys(data.items)}
            onEdit={(apiKey) => page.show({ dialog: 'edit', apiKey })}
            onRevoke={(apiKey) => page.show({ dialog: 'revoke', apiKey })}
          />
        )}
      </ListPanel>

      {open?.dialog === 'edit' && (
        <ApiKeyDialog
          apiKey={open.apiKey}
          onClose={page.close}
          onSaved={(saved) => {
            if ('key' in saved) setCreated(saved);
            else page.say(t('apiKeys.saved', { name: saved.name }));
          }}
        />
      )}
      {open?.dialog === 'revoke' && (
        <ConfirmDialog
          title={t('apiKeys.revokeTitle', { name: open.apiKey.name })}
          text={t('apiKeys.revokeText')}
          confirmLabel={t('apiKeys.revoke')}
          isBusy={revoke.isPending}
          error={revoke.isError ? t('apiKeys.revokeFailed', { message: revoke.error.message }) : null}
          onConfirm={() => page.remove(open.apiKey.id, t('apiKeys.revokedNotice', { name: open.apiKey.name }))}
          onCancel={page.close}
        />
      )}
    </AdminPage>
  );
}
