import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { findApiKey, touchApiKey } from '../api-keys/api-keys.repository.ts';
import { scopeNeeded } from '../api-keys/key-scopes.ts';
import type { Actor } from '../platform/actor.ts';
import { tokenMatches } from '../platform/crypto.ts';
import type { DB } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { ShortCache } from '../platform/short-cache.ts';
import { SESSION_COOKIE, parseApiKey, parseSessionCookie } from './credentials.ts';
import { findLiveSession } from './sessions.repository.ts';

const TOUCH_EVERY_MS = 60_000;

// Every request presents a credential; reading it from the database each time costs a round
// trip per request. Revocations made by this process bite at once (the forget* calls below);
// one made by another process over the same PostgreSQL bites within CREDENTIAL_TTL_MS.
export const CREDENTIAL_TTL_MS = 2_000;
type SessionRow = NonNullable<Awaited<ReturnType<typeof findLiveSession>>>;
type ApiKeyRow = NonNullable<Awaited<ReturnType<typeof findApiKey>>>;
const sessions = new ShortCache<string, SessionRow>(CREDENTIAL_TTL_MS);
const apiKeys = new ShortCache<string, ApiKeyRow>(CREDENTIAL_TTL_MS);
const keyOf = (orgId: number, id: number) => `${orgId}.${id}`;

/** Resolves the caller from a Bearer API key or the session cookie; null when neither is sent. */
export async function authenticate(deps: Deps, request: FastifyRequest): Promise<Actor | null> {
  const now = deps.clock.now();
  const header = request.headers.authorization;
  if (header) {
    const [scheme, value] = header.split(' ', 2);
    const parsed = scheme?.toLowerCase() === 'bearer' && value ? parseApiKey(value.trim()) : null;
    if (!parsed) throw new AppError('unauthorized', 'Malformed Authorization header; expected "Bearer cdk_…"');
    const key = await apiKeys.read(deps.db, keyOf(parsed.orgId, parsed.id), () => findApiKey(deps.db, parsed.orgId, parsed.id));
    if (!key || key.revoked_at || !tokenMatches(parsed.secret, key.key_hash)) {
      throw new AppError('unauthorized', 'Invalid or revoked API key');
    }
    const scope = scopeNeeded(request.method, request.url);
    if (!key.scopes.includes(scope)) throw new AppError('forbidden', `This API key lacks the "${scope}" scope; an admin can add it under Admin › API keys`);
    if (!key.last_used_at || now.getTime() - key.last_used_at.getTime() > TOUCH_EVERY_MS) {
      await touchApiKey(deps.db, parsed.orgId, key.id, now);
      key.last_used_at = now;
    }
    return { kind: 'integration', orgId: parsed.orgId, apiKeyId: key.id, name: key.name };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const parsed = parseSessionCookie(cookie);
  if (!parsed) return null;
  const session = await sessions.read(deps.db, keyOf(parsed.orgId, parsed.id), () => findLiveSession(deps.db, parsed.orgId, parsed.id, now));
  if (!session || session.expires_at.getTime() <= now.getTime() || !tokenMatches(parsed.secret, session.token_hash)) return null;
  return { kind: 'agent', orgId: parsed.orgId, agentId: session.agent_id, role: session.role, name: session.name, sessionId: parsed.id };
}

/** After a session was revoked (sign-out). */
export const forgetSession = (root: Kysely<DB>, orgId: number, sessionId: number) => sessions.delete(root, keyOf(orgId, sessionId));

/** After an agent changed (role, name, deactivation, password): their sessions are read again. */
export const forgetAgentSessions = (root: Kysely<DB>, orgId: number, agentId: number) =>
  sessions.deleteWhere(root, (key, row) => key.startsWith(`${orgId}.`) && row.agent_id === agentId);

/** After an API key was revoked. */
export const forgetApiKey = (root: Kysely<DB>, orgId: number, id: number) => apiKeys.delete(root, keyOf(orgId, id));
