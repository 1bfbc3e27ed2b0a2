import { z } from 'zod';
import { apiKey, createApiKeyBody, createdApiKey, idParams, patchApiKeyBody } from '../../contract/admin.ts';
import { errors } from '../../contract/common.ts';
import { forgetApiKey } from '../auth/authenticate.ts';
import { requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { notFound } from '../platform/errors.ts';
import { findApiKey, listApiKeys, revokeApiKey, updateApiKey } from './api-keys.repository.ts';
import { createApiKey, toApiKey } from './api-keys.service.ts';

export function apiKeysRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/api-keys', {
    schema: { tags: ['api-keys'], summary: 'API keys (admin); the secret is never shown again', response: { 200: z.object({ items: z.array(apiKey), next_cursor: z.null() }), ...errors(401, 403) } },
    handler: async (request) => ({ items: (await listApiKeys(deps.db, requireAdmin(request).orgId)).map(toApiKey), next_cursor: null }),
  });
  app.post('/api/v1/api-keys', {
    config: { audit: 'api_key' },
    schema: { tags: ['api-keys'], summary: 'Create an API key (admin); the key is returned once', body: createApiKeyBody, response: { 201: createdApiKey, ...errors(400, 401, 403) } },
    handler: async (request, reply) => {
      const admin = requireAdmin(request);
      return reply.code(201).send(await createApiKey(deps, admin.orgId, admin.agentId, request.body));
    },
  });
  app.patch('/api/v1/api-keys/:id', {
    schema: { tags: ['api-keys'], summary: "Rename an API key or change its scopes (admin); takes effect at the key's next request", params: idParams, body: patchApiKeyBody, response: { 200: apiKey, ...errors(400, 401, 403, 404) } },
    config: { audit: 'api_key', auditBefore: async (request) => (await findApiKey(deps.db, requireAdmin(request).orgId, (request.params as { id: number }).id).then((k) => k && toApiKey(k))) ?? null },
    handler: async (request) => {
      const orgId = requireAdmin(request).orgId;
      const row = await updateApiKey(deps.db, orgId, request.params.id, request.body);
      forgetApiKey(deps.db, orgId, request.params.id);
      if (!row) throw notFound('Active API key');
      return toApiKey(row);
    },
  });
  app.delete('/api/v1/api-keys/:id', {
    config: { audit: 'api_key' },
    schema: { tags: ['api-keys'], summary: 'Revoke an API key (admin)', params: idParams, response: { 200: apiKey, ...errors(400, 401, 403, 404) } },
    handler: async (request) => {
      const orgId = requireAdmin(request).orgId;
      const row = await revokeApiKey(deps.db, orgId, request.params.id, deps.clock.now());
      forgetApiKey(deps.db, orgId, request.params.id);
      if (!row) throw notFound('Active API key');
      return toApiKey(row);
    },
  });
}
