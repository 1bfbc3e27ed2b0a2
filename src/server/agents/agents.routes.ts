import { z } from 'zod';
import { agent, createAgentBody, idParams, inviteAgentBody, patchAgentBody, sentAgentLink } from '../../contract/admin.ts';
import { errors } from '../../contract/common.ts';
import { availability, availabilityBody } from '../../contract/routing.ts';
import { requireActor, requireAdmin, requireAgent } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { sendAgentLink, type LinkPurpose } from './agent-links.ts';
import { changeAgent, createAgent, getAgent, getAgents, getAvailability, inviteAgent, setAvailability } from './agents.service.ts';

export function agentsRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/agents', {
    schema: { tags: ['agents'], summary: 'Agents of the workspace', response: { 200: z.object({ items: z.array(agent), next_cursor: z.null() }), ...errors(401, 403) } },
    handler: async (request) => ({ items: await getAgents(deps, requireActor(request).orgId), next_cursor: null }),
  });
  app.post('/api/v1/agents', {
    config: { audit: 'agent' },
    schema: { tags: ['agents'], summary: 'Add an agent (admin)', body: createAgentBody, response: { 201: agent, ...errors(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.code(201).send(await createAgent(deps, requireAdmin(request).orgId, request.body)),
  });
  app.post('/api/v1/agents/invitations', {
    config: { audit: 'agent' },
    schema: {
      tags: ['agents'],
      summary: 'Invite an agent by email (admin): the agent gets a one-time link, valid 7 days, to choose a password',
      body: inviteAgentBody,
      response: { 201: agent, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => reply.code(201).send(await inviteAgent(deps, requireAdmin(request), request.body)),
  });
  const linkRoutes: [string, LinkPurpose, string][] = [
    ['invitation', 'invitation', 'Send an invited agent a new invitation link (admin); earlier links stop working. 409 once accepted'],
    ['password-reset', 'password_reset', 'Mail an agent a one-time link, valid 24 hours, to choose a new password (admin); the password is never shown. 409 while invited'],
  ];
  for (const [path, purpose, summary] of linkRoutes) {
    app.post(`/api/v1/agents/:id/${path}`, {
      config: { audit: 'agent' },
      schema: { tags: ['agents'], summary, params: idParams, response: { 201: sentAgentLink, ...errors(400, 401, 403, 404, 409) } },
      handler: async (request, reply) => {
        const admin = requireAdmin(request);
        return reply.code(201).send(await deps.db.transaction().execute((trx) => sendAgentLink(trx, deps, admin, request.params.id, purpose)));
      },
    });
  }
  app.get('/api/v1/agents/:id', {
    schema: { tags: ['agents'], summary: 'One agent', params: idParams, response: { 200: agent, ...errors(400, 401, 403, 404) } },
    handler: async (request) => getAgent(deps, requireActor(request).orgId, request.params.id),
  });
  app.patch('/api/v1/agents/:id', {
    config: { audit: 'agent' },
    schema: { tags: ['agents'], summary: 'Change an agent (admin)', params: idParams, body: patchAgentBody, response: { 200: agent, ...errors(400, 401, 403, 404, 409) } },
    handler: async (request) => changeAgent(deps, requireAdmin(request).orgId, request.params.id, request.body),
  });
  app.get('/api/v1/me/availability', {
    schema: { tags: ['agents'], summary: 'Whether automatic assignment may pick you', response: { 200: availability, ...errors(401, 403) } },
    handler: async (request) => {
      const agent = requireAgent(request);
      return getAvailability(deps, agent.orgId, agent.agentId);
    },
  });
  app.put('/api/v1/me/availability', {
    schema: {
      tags: ['agents'],
      summary: 'Accept tickets from automatic assignment, or stop (away, on leave); manual assignment is not affected',
      body: availabilityBody,
      response: { 200: availability, ...errors(400, 401, 403) },
    },
    handler: async (request) => {
      const agent = requireAgent(request);
      return setAvailability(deps, agent.orgId, agent.agentId, request.body.accepting_tickets);
    },
  });
}
