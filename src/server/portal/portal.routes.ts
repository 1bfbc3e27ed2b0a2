import { portalFormFields } from '../ticket-fields/ticket-fields.service.ts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errors, page } from '../../contract/common.ts';
import { limits, attachmentTypes } from '../../contract/limits.ts';
import { liveEvent } from '../../contract/live.ts';
import {
  accepted,
  newPortalNoteBody,
  patchPortalMeBody,
  portalAttachmentParams,
  portalConfig,
  portalEvent,
  portalMe,
  portalNote,
  portalParams,
  portalRequestBody,
  portalRequestResult,
  portalResolveBody,
  portalTicket,
  portalTicketParams,
  portalTicketSummary,
} from '../../contract/portal.ts';
import { pageQuery } from '../../contract/tickets.ts';
import { listCategories } from '../categories/categories.repository.ts';
import type { LiveBus } from '../live/live-bus.ts';
import { streamEvents } from '../live/events.routes.ts';
import type { App, Deps } from '../platform/deps.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { discardStaged, receiveMultipart, stagedFiles } from '../tickets/attachment-upload.ts';
import { sendAttachment } from '../tickets/attachments.routes.ts';
import { findTicketAttachment } from '../tickets/attachments.repository.ts';
import { addMessage } from '../tickets/messages.service.ts';
import { transitionTicket } from '../tickets/transitions.service.ts';
import { findWorkspaceForSlug } from '../workspaces/workspaces.service.ts';
import { consumeSignInLink, requestSignInLink, type PortalWorkspace } from './portal-links.ts';
import { submitRequest } from './portal-requests.ts';
import { forgetCustomerUserSessions, portalCustomer, revokePortalSession, setPortalCookie, type PortalCustomer } from './portal-sessions.ts';
import { customerActor, listOwnHistory, listOwnNotes, listOwnTickets, ownTicket, toPortalTicket } from './portal-tickets.ts';
import { toLanguage } from '../../contract/workspaces.ts';

const tags = ['portal'];
const withSession = [{ portalSession: [] }];
const open: [] = [];
const signInAnswer = 'If this address is registered with us, a sign-in link is on its way. It works once and expires soon.';

async function workspaceOf(deps: Deps, slug: string): Promise<PortalWorkspace> {
  const workspace = await findWorkspaceForSlug(deps, slug);
  if (!workspace) throw notFound(`No portal at /portal/${slug}`);
  return workspace;
}

/** The customer signed in to the portal of the workspace the URL names (401 otherwise). */
async function customerOf(deps: Deps, request: FastifyRequest): Promise<{ workspace: PortalWorkspace; customer: PortalCustomer }> {
  const workspace = await workspaceOf(deps, (request.params as { workspace: string }).workspace);
  return { workspace, customer: await portalCustomer(deps, request, workspace.org_id) };
}

/** The customer portal's API: a portal session reaches its own customer user's tickets and nothing else. */
export function portalRoutes(app: App, deps: Deps, live: LiveBus): void {
  app.get('/api/v1/portal/:workspace/config', {
    schema: { tags, security: open, summary: "The portal's workspace name, languages, request-form choices and upload limits", params: portalParams, response: { 200: portalConfig, ...errors(400, 404) } },
    handler: async (request) => {
      const workspace = await workspaceOf(deps, request.params.workspace);
      const categories = (await listCategories(deps.db, workspace.org_id)).filter((c) => c.retired_at === null);
      const { CAPTCHA_SITE_KEY: siteKey, CAPTCHA_PROVIDER: provider, CAPTCHA_VERIFY_URL: verifyUrl } = deps.config;
      return {
        workspace: { slug: workspace.slug, name: workspace.name },
        default_language: toLanguage(workspace.default_language),
        categories: categories.map((c) => ({ id: c.id, name: c.name })),
        attachments: { max_files: limits.attachmentsMax, max_bytes: limits.attachmentMaxBytes, types: [...attachmentTypes] },
        fields: await portalFormFields(deps, workspace.org_id),
        accepts_requests: !workspace.channels_off.includes('web'),
        captcha: siteKey && verifyUrl ? { provider, site_key: siteKey } : null,
      };
    },
  });

  app.post('/api/v1/portal/:workspace/sign-in', {
    schema: {
      tags,
      security: open,
      summary: 'Request a one-time sign-in link by email; the same answer whether or not the address is registered',
      params: portalParams,
      body: z.strictObject({ email: z.email().max(limits.emailMax) }),
      response: { 202: accepted, ...errors(400, 404, 429) },
    },
    handler: async (request, reply) => {
      const workspace = await workspaceOf(deps, request.params.workspace);
      await requestSignInLink(deps, request.log, workspace, request.body.email, request.ip);
      return reply.code(202).send({ message: signInAnswer });
    },
  });

  app.get('/portal/:workspace/auth', {
    schema: {
      tags,
      security: open,
      summary: 'Open a sign-in link: sets the portal session and redirects to the portal, or to the link-expired page',
      params: portalParams,
      querystring: z.object({ token: z.string().max(200).optional() }),
      response: { 303: z.null().describe('No body. Location: /portal/{workspace} with the session cookie set, or /portal/{workspace}/link-expired'), ...errors(400, 404) },
    },
    handler: async (request, reply) => {
      const workspace = await workspaceOf(deps, request.params.workspace);
      const session = await consumeSignInLink(deps, workspace, request.query.token ?? '');
      // The token is in this URL: no page it leads to may pass it on as a referrer, and nothing may cache it.
      reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
      const base = `/portal/${encodeURIComponent(workspace.slug)}`;
      if (!session) return reply.redirect(`${base}/link-expired`, 303);
      setPortalCookie(request, reply, session);
      return reply.redirect(base, 303);
    },
  });

  app.get('/api/v1/portal/:workspace/me', {
    schema: { tags, security: withSession, summary: 'The signed-in customer', params: portalParams, response: { 200: portalMe, ...errors(400, 401, 404) } },
    handler: async (request) => {
      const { customer } = await customerOf(deps, request);
      return { name: customer.name, email: customer.email, language: customer.language };
    },
  });

  app.patch('/api/v1/portal/:workspace/me', {
    schema: { tags, security: withSession, summary: "Change the customer's language (mails and portal)", params: portalParams, body: patchPortalMeBody, response: { 200: portalMe, ...errors(400, 401, 404) } },
    handler: async (request) => {
      const { customer } = await customerOf(deps, request);
      await deps.db
        .updateTable('customer_users')
        .set({ language: request.body.language, updated_at: deps.clock.now() })
        .where('org_id', '=', customer.orgId)
        .where('id', '=', customer.customerUserId)
        .execute();
      forgetCustomerUserSessions(deps.db, customer.orgId, customer.customerUserId);
      return { name: customer.name, email: customer.email, language: request.body.language };
    },
  });

  app.post('/api/v1/portal/:workspace/sign-out', {
    schema: { tags, security: withSession, summary: 'End the portal session', params: portalParams, response: { 204: z.null(), ...errors(400, 401, 404) } },
    handler: async (request, reply) => {
      const { customer } = await customerOf(deps, request);
      await revokePortalSession(deps, customer.orgId, customer.sessionId);
      setPortalCookie(request, reply, null);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/v1/portal/:workspace/tickets', {
    schema: { tags, security: withSession, summary: "The customer's own tickets, latest activity first", params: portalParams, querystring: pageQuery, response: { 200: page(portalTicketSummary), ...errors(400, 401, 404) } },
    handler: async (request) => listOwnTickets(deps, (await customerOf(deps, request)).customer, request.query),
  });

  app.get('/api/v1/portal/:workspace/tickets/:number', {
    schema: { tags, security: withSession, summary: "One of the customer's own tickets", params: portalTicketParams, response: { 200: portalTicket, ...errors(400, 401, 404) } },
    handler: async (request) => {
      const { customer } = await customerOf(deps, request);
      return toPortalTicket(deps, customer.orgId, await ownTicket(deps, customer, request.params.number));
    },
  });

  app.get('/api/v1/portal/:workspace/tickets/:number/notes', {
    schema: { tags, security: withSession, summary: 'The public conversation, oldest first (internal notes never appear)', params: portalTicketParams, querystring: pageQuery, response: { 200: page(portalNote), ...errors(400, 401, 404) } },
    handler: async (request) => {
      const { workspace, customer } = await customerOf(deps, request);
      const ticket = await ownTicket(deps, customer, request.params.number);
      return listOwnNotes(deps, customer, workspace.slug, workspace.name, ticket, request.query);
    },
  });

  app.post('/api/v1/portal/:workspace/tickets/:number/notes', {
    schema: {
      tags,
      security: withSession,
      summary: 'Send a note to the care team; as multipart/form-data it may carry files',
      params: portalTicketParams,
      body: newPortalNoteBody,
      consumes: ['application/json', 'multipart/form-data'],
      response: { 201: portalNote, ...errors(400, 401, 404, 409, 413, 415) },
    },
    preValidation: receiveMultipart(deps, {
      body: newPortalNoteBody,
      authorize: async (request) => ownTicket(deps, (await customerOf(deps, request)).customer, (request.params as { number: string }).number),
    }),
    onSend: async (request, _reply, payload) => {
      await discardStaged(request);
      return payload;
    },
    handler: async (request, reply) => {
      const { workspace, customer } = await customerOf(deps, request);
      const ticket = await ownTicket(deps, customer, request.params.number);
      // A closed request stays closed: whatever the customer has to add is a new request.
      if (ticket.status === 'closed') throw new AppError('conflict', `Request ${ticket.number} is closed; submit a new request`);
      const message = await addMessage(deps, customerActor(customer), ticket.number, { body: request.body.body, visibility: 'public' }, undefined, stagedFiles(request));
      const note = (await listOwnNotes(deps, customer, workspace.slug, workspace.name, ticket, { limit: 1, cursor: undefined, afterId: message.id - 1 })).items[0];
      return reply.code(201).send(note);
    },
  });

  app.get('/api/v1/portal/:workspace/tickets/:number/attachments/:id', {
    schema: {
      tags,
      security: withSession,
      summary: 'Download a file of the public conversation',
      params: portalAttachmentParams,
      response: { 200: { description: 'The file', content: Object.fromEntries(attachmentTypes.map((t) => [t, { schema: z.string().meta({ format: 'binary' }) }])) }, ...errors(400, 401, 404) },
    },
    handler: async (request, reply) => {
      const { customer } = await customerOf(deps, request);
      const { number, id } = request.params;
      return sendAttachment(deps, reply, await findTicketAttachment(deps.db, customer.orgId, number, id, customer.customerUserId), number, id);
    },
  });

  app.get('/api/v1/portal/:workspace/tickets/:number/history', {
    schema: { tags, security: withSession, summary: 'What happened to the ticket that concerns the customer, oldest first', params: portalTicketParams, querystring: pageQuery, response: { 200: page(portalEvent), ...errors(400, 401, 404) } },
    handler: async (request) => {
      const { workspace, customer } = await customerOf(deps, request);
      return listOwnHistory(deps, customer, workspace.name, await ownTicket(deps, customer, request.params.number), request.query);
    },
  });

  app.post('/api/v1/portal/:workspace/tickets/:number/resolve', {
    schema: { tags, security: withSession, summary: 'The customer resolves their ticket (recorded as resolved by the customer)', params: portalTicketParams, body: portalResolveBody, response: { 200: portalTicket, ...errors(400, 401, 404, 409) } },
    handler: async (request) => {
      const { customer } = await customerOf(deps, request);
      const ticket = await ownTicket(deps, customer, request.params.number);
      return toPortalTicket(deps, customer.orgId, await transitionTicket(deps, customerActor(customer), ticket.number, { to: 'resolved', resolution: request.body.resolution || 'Resolved by the customer' }));
    },
  });

  app.post('/api/v1/portal/:workspace/tickets/:number/reopen', {
    schema: { tags, security: withSession, summary: 'The customer reopens their resolved ticket (not a closed one)', params: portalTicketParams, response: { 200: portalTicket, ...errors(400, 401, 404, 409) } },
    handler: async (request) => {
      const { customer } = await customerOf(deps, request);
      const ticket = await ownTicket(deps, customer, request.params.number);
      return toPortalTicket(deps, customer.orgId, await transitionTicket(deps, customerActor(customer), ticket.number, { to: 'open' }));
    },
  });

  app.post('/api/v1/portal/:workspace/requests', {
    schema: {
      tags,
      security: open,
      summary: 'Submit a request (the public form, or a signed-in customer); as multipart/form-data it may carry files',
      params: portalParams,
      body: portalRequestBody,
      consumes: ['application/json', 'multipart/form-data'],
      response: { 201: portalRequestResult, ...errors(400, 404, 409, 413, 415, 429) },
    },
    preValidation: receiveMultipart(deps, { body: portalRequestBody, authorize: (request) => workspaceOf(deps, (request.params as { workspace: string }).workspace) }),
    onSend: async (request, _reply, payload) => {
      await discardStaged(request);
      return payload;
    },
    handler: async (request, reply) => {
      const workspace = await workspaceOf(deps, request.params.workspace);
      const signedIn = await portalCustomer(deps, request, workspace.org_id).catch(() => null);
      return reply.code(201).send(await submitRequest(deps, workspace, signedIn, request.body, request.ip, stagedFiles(request)));
    },
  });

  app.get('/api/v1/portal/:workspace/events', {
    schema: {
      tags,
      security: withSession,
      summary: "Live changes of the customer's own tickets as server-sent events (event: ticket | resync)",
      params: portalParams,
      response: { 200: { description: 'A stream of events', content: { 'text/event-stream': { schema: liveEvent } } }, ...errors(400, 401, 404) },
    },
    handler: async (request, reply) => {
      const { customer } = await customerOf(deps, request);
      streamEvents(request, reply, live, customer.orgId, { agentId: null, customerUserId: customer.customerUserId }, async () => {
        const again = await customerOf(deps, request).catch(() => null);
        return again?.customer.sessionId === customer.sessionId;
      });
    },
  });
}
