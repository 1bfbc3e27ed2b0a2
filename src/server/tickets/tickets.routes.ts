import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errors, page } from '../../contract/common.ts';
import {
  createMessageBody,
  createTicketBody,
  listTicketsQuery,
  message,
  numberParams,
  pageQuery,
  patchTicketBody,
  statsQuery,
  ticket,
  ticketEvent,
  ticketStats,
  transitionBody,
  type StatsQuery,
} from '../../contract/tickets.ts';
import { requireActor } from '../platform/actor.ts';
import { idempotencyHeaders, idempotencyOf } from '../platform/idempotency.ts';
import type { App, Deps } from '../platform/deps.ts';
import { AppError, invalidFields } from '../platform/errors.ts';
import { listTicketFields } from '../ticket-fields/ticket-fields.service.ts';
import { getWorkspace } from '../workspaces/workspaces.service.ts';
import { discardStaged, receiveMultipart, stagedFiles } from './attachment-upload.ts';
import { attachmentsRoutes } from './attachments.routes.ts';
import { addMessage, getHistory, getMessages } from './messages.service.ts';
import type { QueryContext } from './ticket-query.ts';
import { countTickets, listTickets } from './tickets.list.ts';
import { changeTicket, createTicket, getTicket, setTicketLock } from './tickets.service.ts';
import { transitionTicket } from './transitions.service.ts';

export const ifMatchHeaders = z.object({ 'if-match': z.string().max(50).optional() }).passthrough();

/** `If-Match: "7"` (or W/"7", or 7) → 7; the ETag of a ticket is its version. */
export function parseIfMatch(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header === '*') return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(header).trim());
  if (!m) throw new AppError('validation_error', 'If-Match must be the ETag of the ticket, e.g. "3"', [{ field: 'headers.if-match', message: 'not a ticket version' }]);
  return Number(m[1]);
}

/** The workspace (its time zone, its country) is read only when a filter names a calendar day or a phone number. */
async function queryContext(deps: Deps, request: FastifyRequest, query: StatsQuery): Promise<QueryContext> {
  const actor = requireActor(request);
  const needsZone = [query.created_from, query.created_to].some((d) => d?.length === 10);
  const workspace = needsZone || query.phone ? await getWorkspace(deps, actor.orgId) : null;
  const fieldTypes = query.field ? await filterFieldTypes(deps, actor.orgId, query.field) : undefined;
  return { actor, now: deps.clock.now(), timeZone: needsZone && workspace ? workspace.time_zone : 'UTC', phoneCountry: workspace?.default_country ?? null, fieldTypes };
}

/** The types of the fields the filters name; a 400 at an unknown field or a value its type cannot hold. */
async function filterFieldTypes(deps: Deps, orgId: number, filters: { key: string; value: string }[]) {
  const types = new Map((await listTicketFields(deps, orgId)).map((f) => [f.key, f.type] as const));
  const issues = filters.flatMap(({ key, value }, i) => {
    const type = types.get(key);
    if (!type) return [{ field: `querystring.field.${i}`, message: `no ticket field "${key}"` }];
    if (type === 'number' && !Number.isFinite(Number(value))) return [{ field: `querystring.field.${i}`, message: `"${key}" holds numbers` }];
    if (type === 'checkbox' && value !== 'true' && value !== 'false') return [{ field: `querystring.field.${i}`, message: `"${key}" is true or false` }];
    return [];
  });
  if (issues.length) throw invalidFields(issues);
  return types;
}

export function ticketsRoutes(app: App, deps: Deps): void {
  const tags = ['tickets'];

  app.post('/api/v1/tickets', {
    schema: {
      tags,
      summary: 'Create a ticket (Idempotency-Key honoured)',
      description: 'A customer_user_id of a customer user merged into another answers 404, also when the merge commits while the ticket is being created; a ticket created just before a merge is moved by it.',
      headers: idempotencyHeaders,
      body: createTicketBody,
      response: { 201: ticket, ...errors(400, 401, 404, 409, 413, 422) },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const { ticket: created, replayed } = await createTicket(deps, actor, request.body, idempotencyOf(request, actor, 'tickets'));
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).header('etag', `"${created.version}"`).header('location', `/api/v1/tickets/${created.number}`).send(created);
    },
  });

  app.get('/api/v1/tickets', {
    schema: { tags, summary: 'List tickets under filters, keyset-paged', querystring: listTicketsQuery, response: { 200: page(ticket), ...errors(400, 401) } },
    handler: async (request) => listTickets(deps, request.query, await queryContext(deps, request, request.query)),
  });

  app.get('/api/v1/tickets/stats', {
    schema: { tags, summary: 'Status counts under the same filters as the list', querystring: statsQuery, response: { 200: ticketStats, ...errors(400, 401) } },
    handler: async (request) => countTickets(deps, request.query, await queryContext(deps, request, request.query)),
  });

  app.get('/api/v1/tickets/:number', {
    schema: { tags, summary: 'One ticket; ETag is its version', params: numberParams, response: { 200: ticket, ...errors(400, 401, 404) } },
    handler: async (request, reply) => {
      const found = await getTicket(deps, requireActor(request).orgId, request.params.number);
      return reply.header('etag', `"${found.version}"`).send(found);
    },
  });

  app.patch('/api/v1/tickets/:number', {
    schema: {
      tags,
      summary: 'Change ticket fields (If-Match honoured: a stale version gets 412)',
      params: numberParams,
      headers: ifMatchHeaders,
      body: patchTicketBody,
      response: { 200: ticket, ...errors(400, 401, 404, 409, 412) },
    },
    handler: async (request, reply) => {
      const changed = await changeTicket(deps, requireActor(request), request.params.number, request.body, parseIfMatch(request));
      return reply.header('etag', `"${changed.version}"`).send(changed);
    },
  });

  app.post('/api/v1/tickets/:number/transitions', {
    schema: {
      tags,
      summary: 'Move the ticket through its lifecycle (409 names the allowed moves)',
      params: numberParams,
      headers: ifMatchHeaders,
      body: transitionBody,
      response: { 200: ticket, ...errors(400, 401, 404, 409, 412) },
    },
    handler: async (request, reply) => {
      const moved = await transitionTicket(deps, requireActor(request), request.params.number, request.body, parseIfMatch(request));
      return reply.header('etag', `"${moved.version}"`).send(moved);
    },
  });

  for (const [path, locked] of [['lock', true], ['unlock', false]] as const) {
    app.post(`/api/v1/tickets/:number/${path}`, {
      schema: {
        tags,
        summary: locked ? 'Lock the ticket to yourself (an admin may take over a lock)' : 'Release the ticket lock',
        params: numberParams,
        response: { 200: ticket, ...errors(400, 401, 403, 404, 409) },
      },
      handler: async (request) => setTicketLock(deps, requireActor(request), request.params.number, locked),
    });
  }

  app.post('/api/v1/tickets/:number/messages', {
    schema: {
      tags,
      summary: 'Add a public reply (visibility public) or an internal note; as multipart/form-data it may carry files',
      params: numberParams,
      headers: ifMatchHeaders,
      body: createMessageBody,
      consumes: ['application/json', 'multipart/form-data'],
      response: { 201: message, ...errors(400, 401, 404, 409, 412, 413, 415) },
    },
    preValidation: receiveMultipart(deps),
    // Whatever the answer, no file is left in the temp directory by the time the client has it.
    onSend: async (request, _reply, payload) => {
      await discardStaged(request);
      return payload;
    },
    handler: async (request, reply) =>
      reply.code(201).send(await addMessage(deps, requireActor(request), request.params.number, request.body, parseIfMatch(request), stagedFiles(request))),
  });

  app.get('/api/v1/tickets/:number/messages', {
    schema: { tags, summary: 'The conversation, oldest first', params: numberParams, querystring: pageQuery, response: { 200: page(message), ...errors(400, 401, 404) } },
    handler: async (request) => getMessages(deps, requireActor(request).orgId, request.params.number, request.query),
  });

  app.get('/api/v1/tickets/:number/history', {
    schema: { tags, summary: 'Every change as an event, oldest first', params: numberParams, querystring: pageQuery, response: { 200: page(ticketEvent), ...errors(400, 401, 404) } },
    handler: async (request) => getHistory(deps, requireActor(request).orgId, request.params.number, request.query),
  });

  attachmentsRoutes(app, deps);
}
