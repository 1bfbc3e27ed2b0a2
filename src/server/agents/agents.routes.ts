import { z } from 'zod';
import { agent, createAgentBody, idParams, patchAgentBody } from '../../contract/admin.ts';
import { errors } from '../../contract/common.ts';
import { availability, availabilityBody } from '../../contract/routing.ts';
import { requireActor, requireAdmin, requireAgent } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { changeAgent, createAgent, getAgent, getAgents, getAvailability, setAvailability } from './agents.service.ts';

export function agentsRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/agents', {
    schema: { tags: ['agents'], summary: 'Agents of the workspace', response: { 200: z.object({ items: z.array(agent), next_cursor: z.null() }), ...errors(401, 403) } },
    handler: async (request) => ({ items: await getAgents(deps, requireActor(request).orgId), next_cursor: null }),
  });
  app.post('/api/v1/agents', {
    schema: { tags: ['agents'], summary: 'Add an agent (admin)', body: createAgentBody, response: { 201: agent, ...errors(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.code(201).send(await createAgent(deps, requireAdmin(request).orgId, request.body)),
  });
  app.get('/api/v1/agents/:id', {
    schema: { tags: ['agents'], summary: 'One agent', params: idParams, response: { 200: agent, ...errors(400, 401, 403, 404) } },
    handler: async (request) => getAgent(deps, requireActor(request).orgId, request.params.id),
  });
  app.patch('/api/v1/agents/:id', {
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
