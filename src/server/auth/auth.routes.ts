import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loginBody, me, patchMeBody } from '../../contract/auth.ts';
import { acceptAgentLinkBody, agentLinkBody, agentLinkInfo } from '../../contract/admin.ts';
import { acceptAgentLink, inspectAgentLink } from '../agents/agent-links.ts';
import { errors } from '../../contract/common.ts';
import { requireAgent } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { authenticate } from './authenticate.ts';
import { changeMe, describeMe, signIn, signOut } from './auth.service.ts';
import { SESSION_COOKIE } from './credentials.ts';

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: { cookie: string; expiresAt: Date }) {
  reply.setCookie(SESSION_COOKIE, session.cookie, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: session.expiresAt,
  });
}

export function authRoutes(app: App, deps: Deps): void {
  app.addHook('onRequest', async (request) => {
    request.actor = request.url.startsWith('/api/') ? await authenticate(deps, request) : null;
  });

  app.post('/api/v1/auth/login', {
    schema: { tags: ['auth'], summary: 'Sign in an agent; sets the session cookie', body: loginBody, response: { 200: me, ...errors(400, 401, 429) } },
    handler: async (request, reply) => {
      const session = await signIn(deps, request.body, request.ip);
      setSessionCookie(request, reply, session);
      return describeMe(deps, session.orgId, session.agentId);
    },
  });

  app.post('/api/v1/auth/agent-link', {
    schema: {
      tags: ['auth'],
      summary: 'Read an invitation or password-reset link: whom it is for (no sign-in; rate-limited). 404 when used, expired or unknown',
      body: agentLinkBody,
      response: { 200: agentLinkInfo, ...errors(400, 404, 429) },
    },
    handler: async (request) => inspectAgentLink(deps, request.body.token, request.ip),
  });
  app.post('/api/v1/auth/agent-link/accept', {
    schema: {
      tags: ['auth'],
      summary: "Choose a password with an invitation or password-reset link: spends the link, ends the agent's other sessions and signs in (rate-limited)",
      body: acceptAgentLinkBody,
      response: { 200: me, ...errors(400, 404, 429) },
    },
    handler: async (request, reply) => {
      const session = await acceptAgentLink(deps, request.body.token, request.body.password, request.ip);
      setSessionCookie(request, reply, session);
      return describeMe(deps, session.orgId, session.agentId);
    },
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null(), ...errors(401, 403) } },
    handler: async (request, reply) => {
      const agent = requireAgent(request);
      if (agent.sessionId !== null) await signOut(deps, agent.orgId, agent.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  app.get('/api/v1/auth/me', {
    schema: { tags: ['auth'], summary: 'The signed-in agent and workspace', response: { 200: me, ...errors(401, 403) } },
    handler: async (request) => {
      const agent = requireAgent(request);
      return describeMe(deps, agent.orgId, agent.agentId);
    },
  });

  app.patch('/api/v1/auth/me', {
    schema: { tags: ['auth'], summary: "Change the signed-in agent's own settings (language)", body: patchMeBody, response: { 200: me, ...errors(400, 401, 403) } },
    handler: async (request) => {
      const agent = requireAgent(request);
      return changeMe(deps, agent.orgId, agent.agentId, request.body);
    },
  });
}
