import { z } from 'zod';
import { apiKey, createApiKeyBody, createdApiKey, idParams, type ApiKey } from '../../contract/admin.ts';
import { errors } from '../../contract/common.ts';
import { formatApiKey, newSecret } from '../auth/credentials.ts';
import { requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { iso, isoOrNull } from '../platform/dto.ts';
import { notFound } from '../platform/errors.ts';
import { insertApiKey, listApiKeys, revokeApiKey, setApiKeyPrefix } from './api-keys.repository.ts';

type Row = Awaited<ReturnType<typeof listApiKeys>>[number];
const toApiKey = (k: Row): ApiKey => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  created_at: iso(k.created_at),
  last_used_at: isoOrNull(k.last_used_at),
  revoked_at: isoOrNull(k.revoked_at),
});

export function apiKeysRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/api-keys', {
    schema: { tags: ['api-keys'], summary: 'API keys (admin); the secret is never shown again', response: { 200: z.object({ items: z.array(apiKey), next_cursor: z.null() }), ...errors(401, 403) } },
    handler: async (request) => ({ items: (await listApiKeys(deps.db, requireAdmin(request).orgId)).map(toApiKey), next_cursor: null }),
  });
  app.post('/api/v1/api-keys', {
    schema: { tags: ['api-keys'], summary: 'Create an API key (admin); the key is returned once', body: createApiKeyBody, response: { 201: createdApiKey, ...errors(400, 401, 403) } },
    handler: async (request, reply) => {
      const admin = requireAdmin(request);
      const { secret, hash } = newSecret();
      // The id is part of the key, so the row is written first with a placeholder prefix.
      const key = await deps.db.transaction().execute(async (trx) => {
        const row = await insertApiKey(trx, admin.orgId, { name: request.body.name, key_hash: hash, prefix: '', created_by: admin.agentId });
        const prefix = formatApiKey(admin.orgId, row.id, secret).slice(0, -39);
        await setApiKeyPrefix(trx, admin.orgId, row.id, prefix);
        return { ...row, prefix };
      });
      return reply.code(201).send({ ...toApiKey(key), key: formatApiKey(admin.orgId, key.id, secret) });
    },
  });
  app.delete('/api/v1/api-keys/:id', {
    schema: { tags: ['api-keys'], summary: 'Revoke an API key (admin)', params: idParams, response: { 200: apiKey, ...errors(400, 401, 403, 404) } },
    handler: async (request) => {
      const row = await revokeApiKey(deps.db, requireAdmin(request).orgId, request.params.id, deps.clock.now());
      if (!row) throw notFound('Active API key');
      return toApiKey(row);
    },
  });
}
