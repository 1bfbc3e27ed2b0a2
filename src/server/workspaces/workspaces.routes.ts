import { z } from 'zod';
import { errors } from '../../contract/common.ts';
import { createWorkspaceBody, patchSettingsBody, settings, setupBody } from '../../contract/workspaces.ts';
import { openSession } from '../auth/auth.service.ts';
import { setSessionCookie } from '../auth/auth.routes.ts';
import { requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { hitRateLimit } from '../platform/http/rate-limit.ts';
import { createWorkspace, getSettings, isSetupNeeded, updateSettings } from './workspaces.service.ts';

const created = z
  .object({ workspace: z.object({ id: z.number(), slug: z.string(), name: z.string() }), admin_id: z.number() })
  .meta({ id: 'CreatedWorkspace' });

export function workspacesRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/setup', {
    schema: { tags: ['workspaces'], summary: 'Whether first-run setup is still needed', response: { 200: z.object({ needed: z.boolean() }) } },
    handler: async () => ({ needed: await isSetupNeeded(deps.db) }),
  });

  app.post('/api/v1/setup', {
    schema: {
      tags: ['workspaces'],
      summary: 'First-run setup: the first workspace and its admin (refused once a workspace exists); signs the admin in',
      body: setupBody,
      response: { 201: created, ...errors(400, 409, 429) },
    },
    handler: async (request, reply) => {
      await hitRateLimit(deps.db, { key: `setup:ip:${request.ip}`, max: 20, windowSeconds: 900 }, deps.clock.now());
      const body = request.body;
      const result = await createWorkspace(deps, body, { onlyIfFirst: true });
      setSessionCookie(request, reply, await openSession(deps, result.orgId, result.adminId));
      return reply.code(201).send({ workspace: { id: result.orgId, slug: body.slug, name: body.name }, admin_id: result.adminId });
    },
  });

  app.post('/api/v1/workspaces', {
    schema: {
      tags: ['workspaces'],
      summary: 'Sign up a further workspace with its first admin (only when CAREDESK_SIGNUP=open)',
      body: createWorkspaceBody,
      response: { 201: created, ...errors(400, 403, 409, 429) },
    },
    handler: async (request, reply) => {
      if (deps.config.CAREDESK_SIGNUP !== 'open') throw new AppError('forbidden', 'Sign-up of new workspaces is closed on this installation');
      await hitRateLimit(deps.db, { key: `signup:ip:${request.ip}`, max: 10, windowSeconds: 3600 }, deps.clock.now());
      const result = await createWorkspace(deps, request.body);
      setSessionCookie(request, reply, await openSession(deps, result.orgId, result.adminId));
      return reply.code(201).send({ workspace: { id: result.orgId, slug: request.body.slug, name: request.body.name }, admin_id: result.adminId });
    },
  });

  app.get('/api/v1/settings', {
    schema: { tags: ['workspaces'], summary: 'Workspace settings', response: { 200: settings, ...errors(401, 403) } },
    handler: async (request) => getSettings(deps, requireAdmin(request).orgId),
  });

  app.patch('/api/v1/settings', {
    config: { audit: 'settings' },
    schema: { tags: ['workspaces'], summary: 'Change workspace settings', body: patchSettingsBody, response: { 200: settings, ...errors(400, 401, 403) } },
    handler: async (request) => updateSettings(deps, requireAdmin(request).orgId, request.body),
  });
}
