import { z } from 'zod';
import { idParams } from '../../contract/admin.ts';
import { errors } from '../../contract/common.ts';
import { createRoutingRuleBody, orderRoutingRulesBody, patchRoutingRuleBody, routingRule } from '../../contract/routing.ts';
import { requireActor, requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { changeRule, createRule, deleteRule, getRule, getRules, orderRules } from './routing-rules.service.ts';

const tags = ['routing'];
const ruleList = z.object({ items: z.array(routingRule), next_cursor: z.null() });

/** Routing rules: the first active match by position picks the department of a ticket created without one. */
export function routingRulesRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/routing-rules', {
    schema: { tags, summary: 'Routing rules in the order they are tried', response: { 200: ruleList, ...errors(401) } },
    handler: async (request) => ({ items: await getRules(deps, requireActor(request).orgId), next_cursor: null }),
  });
  app.post('/api/v1/routing-rules', {
    config: { audit: 'routing_rule' },
    schema: {
      tags,
      summary: 'Add a routing rule after the others (admin)',
      description:
        'A ticket created without a department (agent form, API, portal, integrations) goes to the department of the first active rule whose lists (null = any) all match ' +
        'its channel, source, category, customer and subject keywords. The history\'s "created" event names the department and the rule (routed_by).',
      body: createRoutingRuleBody,
      response: { 201: routingRule, ...errors(400, 401, 403, 409) },
    },
    handler: async (request, reply) => reply.code(201).send(await createRule(deps, requireAdmin(request).orgId, request.body)),
  });
  app.put('/api/v1/routing-rules/order', {
    config: { audit: 'routing_rule' },
    schema: { tags, summary: 'Set the order routing rules are tried in: every rule id, each once (admin)', body: orderRoutingRulesBody, response: { 200: ruleList, ...errors(400, 401, 403) } },
    handler: async (request) => ({ items: await orderRules(deps, requireAdmin(request).orgId, request.body.ids), next_cursor: null }),
  });
  app.get('/api/v1/routing-rules/:id', {
    schema: { tags, summary: 'One routing rule', params: idParams, response: { 200: routingRule, ...errors(400, 401, 404) } },
    handler: async (request) => getRule(deps, requireActor(request).orgId, request.params.id),
  });
  app.patch('/api/v1/routing-rules/:id', {
    config: { audit: 'routing_rule' },
    schema: { tags, summary: 'Change a routing rule (admin)', params: idParams, body: patchRoutingRuleBody, response: { 200: routingRule, ...errors(400, 401, 403, 404, 409) } },
    handler: async (request) => changeRule(deps, requireAdmin(request).orgId, request.params.id, request.body),
  });
  app.delete('/api/v1/routing-rules/:id', {
    config: { audit: 'routing_rule' },
    schema: { tags, summary: 'Delete a routing rule (admin); tickets it routed keep their department', params: idParams, response: { 204: z.null().describe('Deleted'), ...errors(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await deleteRule(deps, requireAdmin(request).orgId, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
