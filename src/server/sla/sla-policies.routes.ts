import { z } from 'zod';
import { idParams } from '../../contract/admin.ts';
import { errors } from '../../contract/common.ts';
import { createSlaPolicyBody, orderSlaPoliciesBody, patchSlaPolicyBody, slaPolicy, ticketSla } from '../../contract/sla.ts';
import { numberParams } from '../../contract/tickets.ts';
import { requireActor, requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { changePolicy, createPolicy, deletePolicy, getPolicies, getPolicy, orderPolicies } from './sla-policies.service.ts';
import { getTicketSla } from './ticket-sla.ts';

const tags = ['service levels'];
const policyList = z.object({ items: z.array(slaPolicy), next_cursor: z.null() });

/** SLA policies (first active match by position sets a ticket's targets) and a ticket's SLA state. */
export function slaPoliciesRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/sla-policies', {
    schema: { tags, summary: 'SLA policies in the order they are tried', response: { 200: policyList, ...errors(401) } },
    handler: async (request) => ({ items: await getPolicies(deps, requireActor(request).orgId), next_cursor: null }),
  });
  app.post('/api/v1/sla-policies', {
    config: { audit: 'sla_policy' },
    schema: {
      tags,
      summary: 'Add an SLA policy after the others (admin)',
      description:
        'A ticket gets the targets of the first active policy whose lists (null = any) all match its priority, department, channel and category. ' +
        'Targets are business seconds in the policy calendar, else the department calendar, else the workspace default; they apply to tickets as they are created or change, and a change of the policies plans the active tickets again at the next sweep (resolved and closed ones keep their record).',
      body: createSlaPolicyBody,
      response: { 201: slaPolicy, ...errors(400, 401, 403, 409) },
    },
    handler: async (request, reply) => reply.code(201).send(await createPolicy(deps, requireAdmin(request).orgId, request.body)),
  });
  app.put('/api/v1/sla-policies/order', {
    config: { audit: 'sla_policy' },
    schema: { tags, summary: 'Set the order SLA policies are tried in: every policy id, each once (admin)', body: orderSlaPoliciesBody, response: { 200: policyList, ...errors(400, 401, 403) } },
    handler: async (request) => ({ items: await orderPolicies(deps, requireAdmin(request).orgId, request.body.ids), next_cursor: null }),
  });
  app.get('/api/v1/sla-policies/:id', {
    schema: { tags, summary: 'One SLA policy', params: idParams, response: { 200: slaPolicy, ...errors(400, 401, 404) } },
    handler: async (request) => getPolicy(deps, requireActor(request).orgId, request.params.id),
  });
  app.patch('/api/v1/sla-policies/:id', {
    config: { audit: 'sla_policy' },
    schema: { tags, summary: 'Change an SLA policy (admin)', params: idParams, body: patchSlaPolicyBody, response: { 200: slaPolicy, ...errors(400, 401, 403, 404, 409) } },
    handler: async (request) => changePolicy(deps, requireAdmin(request).orgId, request.params.id, request.body),
  });
  app.delete('/api/v1/sla-policies/:id', {
    config: { audit: 'sla_policy' },
    schema: { tags, summary: 'Delete an SLA policy (admin); the active tickets are planned again at the next sweep', params: idParams, response: { 204: z.null().describe('Deleted'), ...errors(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await deletePolicy(deps, requireAdmin(request).orgId, request.params.id);
      return reply.code(204).send(null);
    },
  });
  app.get('/api/v1/tickets/:number/sla', {
    schema: { tags, summary: "A ticket's service-level state: policy, due times, pauses, first-response and resolution stats", params: numberParams, response: { 200: ticketSla, ...errors(400, 401, 404) } },
    handler: async (request) => getTicketSla(deps, requireActor(request).orgId, request.params.number),
  });
}
