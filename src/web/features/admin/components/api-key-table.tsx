import { useTranslation } from 'react-i18next';
import type { ApiKey } from '../../../../contract/admin.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { ActionsHead } from './row-buttons.tsx';

/** A time as "3 hours ago", the exact one on hover. */
function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  );
}

interface ApiKeyTableProps {
  keys: ApiKey[];
  onEdit: (key: ApiKey) => void;
  onRevoke: (key: ApiKey) => void;
}

/** The workspace's API keys: what each may do, when it was made and last used; a revoked key is kept, greyed, without actions. */
export function ApiKeyTable({ keys, onEdit, onRevoke }: ApiKeyTableProps) {
  const { t } = useTranslation('admin');
  return (
    <div className="table-scroll">
      <table className="admin-table api-key-table">
        <thead>
          <tr>
            <th scope="col">{t('apiKeys.column.name')}</th>
            <th scope="col">{t('apiKeys.column.prefix')}</th>
            <th scope="col">{t('apiKeys.column.scopes')}</th>
            <th scope="col">{t('apiKeys.column.created')}</th>
            <th scope="col">{t('apiKeys.column.lastUsed')}</th>
            <th scope="col">{t('apiKeys.column.status')}</th>
            <ActionsHead />
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} data-id={key.id} className={key.revoked_at ? 'row-inactive' : undefined}>
              <th scope="row" className="cell-name">
                {key.name}
              </th>
              <td>
                <code className="api-key-prefix">{key.prefix}…</code>
              </td>
              <td>
                <ul className="scope-badges">
                  {key.scopes.map((scope) => (
                    <li key={scope}>
                      <Badge tone={key.revoked_at ? 'neutral' : 'blue'} title={t(`apiKeys.scopeHint.${scope}`)}>
                        {t(`apiKeys.scope.${scope}`)}
                      </Badge>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="cell-when">
                <When iso={key.created_at} />
              </td>
              <td className="cell-when">{key.last_used_at ? <When iso={key.last_used_at} /> : <span className="muted">{t('apiKeys.never')}</span>}</td>
              <td className="cell-when">
                {key.revoked_at ? (
                  <>
                    <Badge tone="red">{t('apiKeys.revoked')}</Badge>
                    <span className="cell-sub" title={formatDateTime(key.revoked_at)}>
                      {t('apiKeys.revokedAt', { when: formatRelative(key.revoked_at) })}
                    </span>
                  </>
                ) : (
                  <Badge tone="green">{t('apiKeys.active')}</Badge>
                )}
              </td>
              <td className="cell-actions">
                {!key.revoked_at && (
                  <>
                    <button type="button" className="btn btn-secondary btn-md" aria-label={t('apiKeys.editNamed', { name: key.name })} onClick={() => onEdit(key)}>
                      {t('apiKeys.edit')}
                    </button>
                    <button type="button" className="btn btn-ghost btn-md danger-text" aria-label={t('apiKeys.revokeNamed', { name: key.name })} onClick={() => onRevoke(key)}>
                      {t('apiKeys.revoke')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
