import type { ApiKey, ApiKeyScope } from '../../contract/admin.ts';
import { formatApiKey, newSecret } from '../auth/credentials.ts';
import type { Deps } from '../platform/deps.ts';
import { iso, isoOrNull } from '../platform/dto.ts';
import { insertApiKey, setApiKeyPrefix, type listApiKeys } from './api-keys.repository.ts';

type Row = Awaited<ReturnType<typeof listApiKeys>>[number];
export const toApiKey = (k: Row): ApiKey => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes as ApiKeyScope[],
  created_at: iso(k.created_at),
  last_used_at: isoOrNull(k.last_used_at),
  revoked_at: isoOrNull(k.revoked_at),
});

/** Creates an API key; the returned `key` is the only time the secret exists outside a hash. */
export async function createApiKey(deps: Deps, orgId: number, createdBy: number, input: { name: string; scopes: ApiKeyScope[] }): Promise<ApiKey & { key: string }> {
  const { secret, hash } = newSecret();
  const now = deps.clock.now();
  // The id is part of the key, so the row is written first and its prefix set after.
  const row = await deps.db.transaction().execute(async (trx) => {
    const inserted = await insertApiKey(trx, orgId, { ...input, key_hash: hash, prefix: '', created_by: createdBy, created_at: now });
    const prefix = formatApiKey(orgId, inserted.id, secret).slice(0, -39);
    await setApiKeyPrefix(trx, orgId, inserted.id, prefix);
    return { ...inserted, prefix };
  });
  return { ...toApiKey(row), key: formatApiKey(orgId, row.id, secret) };
}
