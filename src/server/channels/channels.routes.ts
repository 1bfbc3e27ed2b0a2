import {
  createSourceBody,
  listSourcesQuery,
  orderIssueBody,
  patchSourceBody,
  putReviewRulesBody,
  reviewBody,
  reviewResult,
  reviewRules,
  sourceParams,
  ticketSource,
} from '../../contract/channel-intake.ts';
import { errors, page } from '../../contract/common.ts';
import { ticket } from '../../contract/tickets.ts';
import { requireActor, requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { idempotencyHeaders, idempotencyOf } from '../platform/idempotency.ts';
import { receiveOrderIssue } from './orders.service.ts';
import { getReviewRules, putReviewRules, receiveReview } from './reviews.service.ts';
import { addSource, changeSource, findSource, listSources, type SourceChannel } from './sources.service.ts';

/** Intake from integrations (reviews, order issues) and the lists and rules they are read with (issue 7). */
export function channelsRoutes(app: App, deps: Deps): void {
  const tags = ['channels'];

  app.post('/api/v1/channels/reviews', {
    schema: {
      tags,
      summary: 'Take a review from a review platform; the workspace rules decide whether it becomes a ticket (Idempotency-Key honoured)',
      description:
        'A new review answers 201 (outcome ticket_created or not_a_ticket). Re-sending a review (same platform and external_id) answers 200: unchanged, or updated with its ticket and a review_edited history event; an edit that now meets the rules opens the ticket (201).',
      headers: idempotencyHeaders,
      body: reviewBody,
      response: { 200: reviewResult, 201: reviewResult, ...errors(400, 401, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const answer = await receiveReview(deps, actor, request.body, idempotencyOf(request, actor, 'reviews'));
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(answer.status as 200 | 201).send(answer.body);
    },
  });

  app.post('/api/v1/channels/orders', {
    schema: {
      tags,
      summary: "Take a customer's issue about an order from a marketplace or shop as a marketplace ticket (Idempotency-Key honoured)",
      description: 'A new issue answers 201 with the ticket. With an external_id already taken for this source it answers 200 with that ticket and changes nothing.',
      headers: idempotencyHeaders,
      body: orderIssueBody,
      response: { 200: ticket, 201: ticket, ...errors(400, 401, 404, 409, 413, 422) },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const answer = await receiveOrderIssue(deps, actor, request.body, idempotencyOf(request, actor, 'orders'));
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(answer.status as 200 | 201).header('location', `/api/v1/tickets/${answer.body.number}`).send(answer.body);
    },
  });

  app.get('/api/v1/channels/sources', {
    schema: {
      tags,
      summary: 'The sources of marketplace and review tickets (Website, eBay…; Google…), in their order',
      querystring: listSourcesQuery,
      response: { 200: page(ticketSource).describe('The whole list: next_cursor is always null'), ...errors(400, 401) },
    },
    handler: async (request) => ({ items: await listSources(deps, requireActor(request).orgId, request.query.channel, request.query.include_retired ?? false), next_cursor: null }),
  });

  app.post('/api/v1/channels/sources', {
    config: { audit: 'source' },
    schema: { tags, summary: 'Add a source to a channel\'s list (admin)', body: createSourceBody, response: { 201: ticketSource, ...errors(400, 401, 403, 409) } },
    handler: async (request, reply) => reply.code(201).send(await addSource(deps, requireAdmin(request).orgId, request.body)),
  });

  app.patch('/api/v1/channels/sources/:channel/:key', {
    config: {
      audit: 'source',
      auditBefore: async (request) => {
        const { channel, key } = request.params as { channel: SourceChannel; key: string };
        return findSource(deps, requireAdmin(request).orgId, channel, key);
      },
    },
    schema: { tags, summary: 'Rename, move or retire a source (admin)', params: sourceParams, body: patchSourceBody, response: { 200: ticketSource, ...errors(400, 401, 403, 404) } },
    handler: async (request) => changeSource(deps, requireAdmin(request).orgId, request.params.channel, request.params.key, request.body),
  });

  app.get('/api/v1/channels/review-rules', {
    schema: { tags, summary: 'Which reviews become tickets: rating threshold, keywords, department per location', response: { 200: reviewRules, ...errors(401) } },
    handler: async (request) => getReviewRules(deps, requireActor(request).orgId),
  });

  app.put('/api/v1/channels/review-rules', {
    config: { audit: 'review_rules' },
    schema: { tags, summary: 'Replace the review rules (admin)', body: putReviewRulesBody, response: { 200: reviewRules, ...errors(400, 401, 403, 404) } },
    handler: async (request) => putReviewRules(deps, requireAdmin(request).orgId, request.body),
  });
}
