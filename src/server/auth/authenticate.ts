import type { FastifyRequest } from 'fastify';
import { findApiKey, touchApiKey } from '../api-keys/api-keys.repository.ts';
import type { Actor } from '../platform/actor.ts';
import { tokenMatches } from '../platform/crypto.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { SESSION_COOKIE, parseApiKey, parseSessionCookie } from './credentials.ts';
import { findLiveSession } from './sessions.repository.ts';

const TOUCH_EVERY_MS = 60_000;

/** Resolves the caller from a Bearer API key or the session cookie; null when neither is sent. */
export async function authenticate(deps: Deps, request: FastifyRequest): Promise<Actor | null> {
  const now = deps.clock.now();
  const header = request.headers.authorization;
  if (header) {
    const [scheme, value] = header.split(' ', 2);
    const parsed = scheme?.toLowerCase() === 'bearer' && value ? parseApiKey(value.trim()) : null;
    if (!parsed) throw new AppError('unauthorized', 'Malformed Authorization header; expected "Bearer cdk_…"');
    const key = await findApiKey(deps.db, parsed.orgId, parsed.id);
    if (!key || key.revoked_at || !tokenMatches(parsed.secret, key.key_hash)) {
      throw new AppError('unauthorized', 'Invalid or revoked API key');
    }
    if (!key.last_used_at || now.getTime() - key.last_used_at.getTime() > TOUCH_EVERY_MS) {
      await touchApiKey(deps.db, parsed.orgId, key.id, now);
    }
    return { kind: 'integration', orgId: parsed.orgId, apiKeyId: key.id, name: key.name };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const parsed = parseSessionCookie(cookie);
  if (!parsed) return null;
  const session = await findLiveSession(deps.db, parsed.orgId, parsed.id, now);
  if (!session || !tokenMatches(parsed.secret, session.token_hash)) return null;
  return { kind: 'agent', orgId: parsed.orgId, agentId: session.agent_id, role: session.role, name: session.name, sessionId: parsed.id };
}
