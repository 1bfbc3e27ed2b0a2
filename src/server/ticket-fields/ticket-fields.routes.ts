import { z } from 'zod';
import { errors } from '../../contract/common.ts';
import { createTicketFieldBody, orderTicketFieldsBody, patchTicketFieldBody, ticketField, ticketFieldList, ticketFieldParams } from '../../contract/ticket-fields.ts';
import { requireActor, requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { changeTicketField, createTicketField, getTicketField, listTicketFields, orderTicketFields, removeTicketField } from './ticket-fields.service.ts';

/** Typed ticket fields (Admin › Ticket fields): agents and keys read them to fill forms; admins define them. */
export function ticketFieldsRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/ticket-fields', {
    schema: { tags: ['ticket-fields'], summary: 'The ticket fields, in form order, retired ones included (flagged)', response: { 200: ticketFieldList, ...errors(401) } },
    handler: async (request) => ({ items: await listTicketFields(deps, requireActor(request).orgId), next_cursor: null }),
  });
  app.post('/api/v1/ticket-fields', {
    config: { audit: 'ticket_field' },
    schema: {
      tags: ['ticket-fields'],
      summary: 'Define a ticket field (admin); select fields need options. A required field is asked of new tickets only',
      body: createTicketFieldBody,
      response: { 201: ticketField, ...errors(400, 401, 403, 409) },
    },
    handler: async (request, reply) => reply.code(201).send(await createTicketField(deps, requireAdmin(request).orgId, request.body)),
  });
  app.put('/api/v1/ticket-fields/order', {
    config: { audit: 'ticket_field' },
    schema: { tags: ['ticket-fields'], summary: 'Set the form order of the ticket fields: every field id, each once (admin)', body: orderTicketFieldsBody, response: { 200: ticketFieldList, ...errors(400, 401, 403) } },
    handler: async (request) => ({ items: await orderTicketFields(deps, requireAdmin(request).orgId, request.body.ids), next_cursor: null }),
  });
  app.get('/api/v1/ticket-fields/:id', {
    schema: { tags: ['ticket-fields'], summary: 'One ticket field', params: ticketFieldParams, response: { 200: ticketField, ...errors(400, 401, 404) } },
    handler: async (request) => getTicketField(deps, requireActor(request).orgId, request.params.id),
  });
  app.patch('/api/v1/ticket-fields/:id', {
    config: { audit: 'ticket_field' },
    schema: {
      tags: ['ticket-fields'],
      summary: 'Change a ticket field (admin): labels, options (those left out are retired), required, visibility, forms, order, retired. The key and type never change',
      params: ticketFieldParams,
      body: patchTicketFieldBody,
      response: { 200: ticketField, ...errors(400, 401, 403, 404) },
    },
    handler: async (request) => changeTicketField(deps, requireAdmin(request).orgId, request.params.id, request.body),
  });
  app.delete('/api/v1/ticket-fields/:id', {
    config: { audit: 'ticket_field' },
    schema: {
      tags: ['ticket-fields'],
      summary: 'Delete a ticket field no ticket holds a value of (admin); 409 otherwise: retire it instead',
      params: ticketFieldParams,
      response: { 204: z.null(), ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      await removeTicketField(deps, requireAdmin(request).orgId, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
