import type { FastifyRequest } from 'fastify';
import { auditPage, auditQuery } from '../../contract/audit.ts';
import { errors } from '../../contract/common.ts';
import { requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { iso } from '../platform/dto.ts';
import { decodeCursor, pageById } from '../platform/http/cursor.ts';
import { auditAction, auditChange, redact, secretsSet } from './audit-diff.ts';
import { insertAudit, listAudit } from './audit.repository.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The admin object a route changes: its changes go to the audit log. */
    audit?: string;
    /** What the object was before the change, where the route's address has no GET of its own. */
    auditBefore?: (request: FastifyRequest) => Promise<unknown>;
    /** The action's name where the route's address does not say it (POST …/maintenance: not "created"). */
    auditAction?: string;
  }
  interface FastifyRequest {
    auditBefore?: Record<string, unknown> | null;
  }
}

/** Fields of an entity that are secrets under a plain name (an API key's `key`). */
const hiddenFields: Record<string, readonly string[]> = { api_key: ['key'] };

const parseJson = (payload: unknown): unknown => {
  if (typeof payload !== 'string') return null;
  try {
    return JSON.parse(payload);
  } catch {
    return null;
  }
};

/**
 * Every admin change lands in the audit log: who, what, and the fields before and after. A route
 * opts in with `config: { audit: 'entity' }`; the object before a change is what the route's own
 * GET answers for the same address, and after is the change's answer, so each route needs no
 * code of its own and the log shows what the admin screens show.
 */
export function auditRoutes(app: App, deps: Deps): void {
  app.addHook('preHandler', async (request) => {
    const entity = request.routeOptions.config.audit;
    if (!entity || request.method === 'POST' || request.actor?.kind !== 'agent') return;
    const load = request.routeOptions.config.auditBefore;
    request.auditBefore = load ? ((await load(request)) as Record<string, unknown> | null | undefined) ?? null : await readBefore(app, request);
  });
  // Written before the answer leaves, so whoever reads the log after a change sees it.
  app.addHook('onSend', async (request, reply, payload) => {
    const entity = request.routeOptions.config.audit;
    const actor = request.actor;
    if (!entity || actor?.kind !== 'agent' || reply.statusCode >= 300 || request.method === 'GET') return payload;
    const hidden = hiddenFields[entity] ?? [];
    const action = request.routeOptions.config.auditAction ?? auditAction(request.method, request.routeOptions.url ?? '');
    const answer = redact(parseJson(payload), hidden);
    const before = redact(request.auditBefore ?? null, hidden);
    const after = request.method === 'DELETE' && reply.statusCode === 204 ? null : answer;
    const diff = auditChange(action, before, after, request.method === 'POST' ? [] : secretsSet(request.body));
    if (!diff) return payload;
    const params = (request.params ?? {}) as Record<string, unknown>;
    const id = params.id ?? answer?.id ?? Object.values(params).join('/');
    await insertAudit(deps.db, actor.orgId, {
      actor_id: actor.agentId,
      actor_name: actor.name,
      action,
      entity,
      entity_id: id === undefined || id === '' ? null : String(id),
      before: diff.before,
      after: diff.after,
      created_at: deps.clock.now(),
    });
    return payload;
  });

  app.get('/api/v1/admin/audit-log', {
    schema: { tags: ['admin'], summary: 'Every admin change, newest first: who, what, before → after (admin)', querystring: auditQuery, response: { 200: auditPage, ...errors(400, 401, 403) } },
    handler: async (request) => {
      const orgId = requireAdmin(request).orgId;
      const { entity, limit, cursor } = request.query;
      const rows = await listAudit(deps.db, orgId, { entity, limit, beforeId: cursor ? decodeCursor(cursor)[1] : null });
      return pageById(rows, limit, (r) => ({
        id: r.id,
        actor: { id: r.actor_id, name: r.actor_name },
        action: r.action,
        entity: r.entity,
        entity_id: r.entity_id,
        before: r.before as Record<string, unknown> | null,
        after: r.after as Record<string, unknown> | null,
        created_at: iso(r.created_at),
      }));
    },
  });
}

/** The object as the route's own GET shows it, read with the caller's credentials; null where there is no such GET. */
async function readBefore(app: App, request: FastifyRequest): Promise<Record<string, unknown> | null> {
  const url = request.routeOptions.url;
  if (!url || !app.hasRoute({ method: 'GET', url })) return null;
  const headers: Record<string, string> = {};
  if (request.headers.cookie) headers.cookie = request.headers.cookie;
  if (request.headers.authorization) headers.authorization = request.headers.authorization;
  const res = await app.inject({ method: 'GET', url: request.url.split('?', 1)[0], headers });
  return res.statusCode === 200 ? (parseJson(res.body) as Record<string, unknown> | null) : null;
}
