import { idParams } from '../../contract/admin.ts';
import { errors } from '../../contract/common.ts';
import { outboxMailDetail, outboxPage, outboxQuery } from '../../contract/mail.ts';
import { requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { getOutboxMail, listOutbox, retryOutboxMail } from './outbox.service.ts';

/** The admin's view of the workspace's outgoing mail (DESIGN.md §3 "Admin … outbox"), and the dev outbox's reader. */
export function outboxRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/outbox', {
    schema: {
      tags: ['outbox'],
      summary: "The workspace's outgoing mails, newest first (admin)",
      querystring: outboxQuery,
      response: { 200: outboxPage, ...errors(400, 401, 403) },
    },
    handler: async (request) => listOutbox(deps, requireAdmin(request).orgId, request.query),
  });
  app.get('/api/v1/outbox/:id', {
    schema: {
      tags: ['outbox'],
      summary: 'One outgoing mail with its text and HTML (admin)',
      params: idParams,
      response: { 200: outboxMailDetail, ...errors(400, 401, 403, 404) },
    },
    handler: async (request) => getOutboxMail(deps, requireAdmin(request).orgId, request.params.id),
  });
  app.post('/api/v1/outbox/:id/retry', {
    schema: {
      tags: ['outbox'],
      summary: 'Send a failed or kept mail again now (admin); 409 while it is queued, being sent, or once sent',
      params: idParams,
      response: { 200: outboxMailDetail, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request) => retryOutboxMail(deps, requireAdmin(request).orgId, request.params.id),
  });
}
