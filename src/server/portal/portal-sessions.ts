import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatSessionCookie, newSecret, parseSessionCookie } from '../auth/credentials.ts';
import type { Kysely } from 'kysely';
import { CREDENTIAL_TTL_MS } from '../auth/authenticate.ts';
import { tokenMatches } from '../platform/crypto.ts';
import type { DB } from '../platform/db/schema.ts';
import { ShortCache } from '../platform/short-cache.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { toLanguage } from '../../contract/workspaces.ts';

export const PORTAL_COOKIE = 'caredesk_portal';

/** A signed-in customer: one customer user of one workspace. */
export interface PortalCustomer {
  orgId: number;
  sessionId: number;
  customerUserId: number;
  name: string;
  email: string | null;
  language: 'en' | 'id';
}

/** Opens a portal session for the customer user (in the caller's transaction) and answers its cookie value. */
export async function openPortalSession(db: Db, deps: Deps, orgId: number, customerUserId: number, now: Date): Promise<{ cookie: string; expiresAt: Date }> {
  const { secret, hash } = newSecret();
  const expiresAt = new Date(now.getTime() + deps.config.PORTAL_SESSION_DAYS * 86_400_000);
  const row = await db
    .insertInto('portal_sessions')
    .values({ org_id: orgId, customer_user_id: customerUserId, token_hash: hash, created_at: now, expires_at: expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { cookie: formatSessionCookie(orgId, row.id, secret), expiresAt };
}

/** Sets the portal cookie, or clears it (null). One cookie for every workspace's portal: the session names its workspace, and portalCustomer checks it against the URL. */
export function setPortalCookie(request: FastifyRequest, reply: FastifyReply, session: { cookie: string; expiresAt: Date } | null) {
  const options = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https' };
  if (session) reply.setCookie(PORTAL_COOKIE, session.cookie, { ...options, expires: session.expiresAt });
  else reply.clearCookie(PORTAL_COOKIE, options);
}

/**
 * The customer behind the request's portal cookie, for the workspace the URL names. A session of
 * another workspace, an expired or revoked one, or a customer user who is no longer valid is
 * nobody (401): the portal then asks for a new link.
 */
export async function portalCustomer(deps: Deps, request: FastifyRequest, orgId: number): Promise<PortalCustomer> {
  const parsed = parseSessionCookie(request.cookies[PORTAL_COOKIE] ?? '');
  const now = deps.clock.now();
  const row = parsed && parsed.orgId === orgId ? await sessions.read(deps.db, `${orgId}.${parsed.id}`, () => findLivePortalSession(deps.db, orgId, parsed.id, now)) : undefined;
  if (!parsed || !row || row.expires_at.getTime() <= now.getTime() || !tokenMatches(parsed.secret, row.token_hash)) {
    throw new AppError('unauthorized', 'Sign in to the portal: request a link by email');
  }
  return { orgId, sessionId: row.id, customerUserId: row.customer_user_id, name: row.name, email: row.email, language: toLanguage(row.language) };
}

const findLivePortalSession = (db: Db, orgId: number, id: number, now: Date) =>
  db
    .selectFrom('portal_sessions as s')
    .innerJoin('customer_users as cu', (j) => j.onRef('cu.org_id', '=', 's.org_id').onRef('cu.id', '=', 's.customer_user_id'))
    .select(['s.id', 's.token_hash', 's.expires_at', 'cu.id as customer_user_id', 'cu.name', 'cu.email', 'cu.language'])
    .where('s.org_id', '=', orgId)
    .where('s.id', '=', id)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();

// Every portal request (and every beat of a live stream) presents the cookie; like agent sessions,
// it is verified from a short cache. Revocations here drop entries at once; another process's
// show within CREDENTIAL_TTL_MS.
const sessions = new ShortCache<string, NonNullable<Awaited<ReturnType<typeof findLivePortalSession>>>>(CREDENTIAL_TTL_MS);

/** After a customer user changed (language, name, email): their sessions are read again. */
export const forgetCustomerUserSessions = (root: Kysely<DB>, orgId: number, customerUserId: number) =>
  sessions.deleteWhere(root, (key, row) => key.startsWith(`${orgId}.`) && row.customer_user_id === customerUserId);

export async function revokePortalSession(deps: Deps, orgId: number, sessionId: number): Promise<void> {
  await deps.db.updateTable('portal_sessions').set({ revoked_at: deps.clock.now() }).where('org_id', '=', orgId).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
  sessions.delete(deps.db, `${orgId}.${sessionId}`);
}

/** Ends every portal session of a customer user (their email changed: whoever held the old address is out). */
export const revokeCustomerUserSessions = (db: Db, orgId: number, customerUserId: number, now: Date) =>
  db
    .updateTable('portal_sessions')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('customer_user_id', '=', customerUserId)
    .where('revoked_at', 'is', null)
    .execute();
