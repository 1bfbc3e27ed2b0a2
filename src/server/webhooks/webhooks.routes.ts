import { z } from 'zod';
import { idParams } from '../../contract/admin.ts';
import { errors } from '../../contract/common.ts';
import {
  createWebhookBody,
  patchWebhookBody,
  webhook,
  webhookDelivery,
  webhookDeliveryPage,
  webhookDeliveryParams,
  webhookDeliveryQuery,
  webhookList,
  webhookWithSecret,
} from '../../contract/webhooks.ts';
import { requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import {
  changeWebhook,
  createWebhook,
  getDeliveries,
  getWebhook,
  getWebhooks,
  pingWebhook,
  removeWebhook,
  retryDelivery,
  rotateWebhookSecret,
} from './webhooks.service.ts';

const tags = ['webhooks'];

/** Signed webhooks out (DESIGN.md §3 "Integrations"): the admin's endpoints, their secrets and delivery logs. */
export function webhooksRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/admin/webhooks', {
    schema: { tags, summary: "The workspace's webhook endpoints, without their secrets (admin)", response: { 200: webhookList, ...errors(401, 403) } },
    handler: async (request) => getWebhooks(deps, requireAdmin(request).orgId),
  });
  app.post('/api/v1/admin/webhooks', {
    config: { audit: 'webhook' },
    schema: {
      tags,
      summary: 'Register an endpoint for chosen events; answers its signing secret, shown this once (admin)',
      body: createWebhookBody,
      response: { 201: webhookWithSecret, ...errors(400, 401, 403, 409) },
    },
    handler: async (request, reply) => reply.code(201).send(await createWebhook(deps, requireAdmin(request).orgId, request.body)),
  });
  app.get('/api/v1/admin/webhooks/:id', {
    schema: { tags, summary: 'One webhook endpoint (admin)', params: idParams, response: { 200: webhook, ...errors(400, 401, 403, 404) } },
    handler: async (request) => getWebhook(deps, requireAdmin(request).orgId, request.params.id),
  });
  app.patch('/api/v1/admin/webhooks/:id', {
    config: { audit: 'webhook' },
    schema: {
      tags,
      summary: 'Change an endpoint, or turn it off or on again (its waiting deliveries then go out) (admin)',
      params: idParams,
      body: patchWebhookBody,
      response: { 200: webhook, ...errors(400, 401, 403, 404) },
    },
    handler: async (request) => changeWebhook(deps, requireAdmin(request), request.params.id, request.body),
  });
  app.delete('/api/v1/admin/webhooks/:id', {
    config: { audit: 'webhook' },
    schema: { tags, summary: 'Delete an endpoint and its delivery log (admin)', params: idParams, response: { 204: z.null().describe('Deleted'), ...errors(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await removeWebhook(deps, requireAdmin(request).orgId, request.params.id);
      return reply.code(204).send(null);
    },
  });
  app.post('/api/v1/admin/webhooks/:id/rotate-secret', {
    config: { audit: 'webhook' },
    schema: {
      tags,
      summary: 'Give the endpoint a new secret, shown this once; for a day deliveries are signed with the old one too (admin)',
      params: idParams,
      response: { 200: webhookWithSecret, ...errors(400, 401, 403, 404) },
    },
    handler: async (request) => rotateWebhookSecret(deps, requireAdmin(request).orgId, request.params.id),
  });
  app.post('/api/v1/admin/webhooks/:id/test', {
    schema: {
      tags,
      summary: 'Send the endpoint a ping event now; its outcome shows in the delivery log (admin)',
      params: idParams,
      response: { 202: webhookDelivery, ...errors(400, 401, 403, 404) },
    },
    handler: async (request, reply) => reply.code(202).send(await pingWebhook(deps, requireAdmin(request).orgId, request.params.id)),
  });
  app.get('/api/v1/admin/webhooks/:id/deliveries', {
    schema: {
      tags,
      summary: "The endpoint's deliveries, newest first, each with its attempts and the endpoint's last answer (admin)",
      params: idParams,
      querystring: webhookDeliveryQuery,
      response: { 200: webhookDeliveryPage, ...errors(400, 401, 403, 404) },
    },
    handler: async (request) => getDeliveries(deps, requireAdmin(request).orgId, request.params.id, request.query),
  });
  app.post('/api/v1/admin/webhooks/:id/deliveries/:deliveryId/retry', {
    schema: {
      tags,
      summary: 'Send a failed delivery again now, with a fresh day of retries (admin); 409 unless it failed, or while the endpoint is off',
      params: webhookDeliveryParams,
      response: { 200: webhookDelivery, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request) => retryDelivery(deps, requireAdmin(request).orgId, request.params.id, request.params.deliveryId),
  });
}
