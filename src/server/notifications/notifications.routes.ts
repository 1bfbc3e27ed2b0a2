import { errors } from '../../contract/common.ts';
import { idParams } from '../../contract/admin.ts';
import { notification, notificationsPage, notificationsQuery, readAllBody, readAllResult } from '../../contract/notifications.ts';
import { requireAgent } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { listAgentNotifications, readAllNotifications, readNotification } from './notifications.service.ts';

/** The signed-in agent's own notifications (the bell); nobody reads or marks another's. */
export function notificationsRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/notifications', {
    schema: {
      tags: ['notifications'],
      summary: "The signed-in agent's notifications, newest first, with the unread count",
      querystring: notificationsQuery,
      response: { 200: notificationsPage, ...errors(400, 401, 403) },
    },
    handler: async (request) => {
      const agent = requireAgent(request);
      return listAgentNotifications(deps, agent.orgId, agent.agentId, request.query);
    },
  });
  app.post('/api/v1/notifications/:id/read', {
    schema: {
      tags: ['notifications'],
      summary: 'Mark one notification read (marking it again changes nothing)',
      params: idParams,
      response: { 200: notification, ...errors(400, 401, 403, 404) },
    },
    handler: async (request) => {
      const agent = requireAgent(request);
      return readNotification(deps, agent.orgId, agent.agentId, request.params.id);
    },
  });
  app.post('/api/v1/notifications/read-all', {
    schema: {
      tags: ['notifications'],
      summary: "Mark all the agent's notifications read, or those up to an id",
      body: readAllBody,
      response: { 200: readAllResult, ...errors(400, 401, 403) },
    },
    handler: async (request) => {
      const agent = requireAgent(request);
      return readAllNotifications(deps, agent.orgId, agent.agentId, request.body.up_to);
    },
  });
}
