import { errors } from '../../contract/common.ts';
import { numberParams, ticket } from '../../contract/tickets.ts';
import { rejectTicketBody, verifyTicketBody } from '../../contract/verification.ts';
import { requireActor } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { ifMatchHeaders, parseIfMatch } from '../tickets/tickets.routes.ts';
import { rejectTicket, verifyTicket } from './verify-ticket.ts';

const tags = ['tickets'];

/** Verifying or rejecting a ticket that waits for verification (the "To verify" list: GET /tickets?verification=unverified). */
export function verificationRoutes(app: App, deps: Deps): void {
  app.post('/api/v1/tickets/:number/verify', {
    schema: {
      tags,
      summary: 'Verify a ticket that waits for verification (If-Match honoured)',
      description:
        'The ticket enters the department given here, else the one it was created for (given or routed), else the one the routing rules give now; ' +
        'the department may assign it automatically, its members hear of a new ticket, and the customer gets the "ticket created" mail with the number. ' +
        'A ticket that is not unverified is 409, naming its state.',
      params: numberParams,
      headers: ifMatchHeaders,
      body: verifyTicketBody,
      response: { 200: ticket, ...errors(400, 401, 404, 409, 412) },
    },
    handler: async (request, reply) => {
      const verified = await verifyTicket(deps, requireActor(request), request.params.number, request.body, parseIfMatch(request));
      return reply.header('etag', `"${verified.version}"`).send(verified);
    },
  });

  app.post('/api/v1/tickets/:number/reject', {
    schema: {
      tags,
      summary: 'Reject a ticket that waits for verification: closed with close_reason rejected, no mail to the customer (If-Match honoured)',
      description: 'The reason is kept in the history for agents. A ticket that is not unverified is 409, naming its state.',
      params: numberParams,
      headers: ifMatchHeaders,
      body: rejectTicketBody,
      response: { 200: ticket, ...errors(400, 401, 404, 409, 412) },
    },
    handler: async (request, reply) => {
      const rejected = await rejectTicket(deps, requireActor(request), request.params.number, request.body, parseIfMatch(request));
      return reply.header('etag', `"${rejected.version}"`).send(rejected);
    },
  });
}
