import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { enqueueMail } from '../mail/enqueue.ts';
import { hashToken, randomToken } from '../platform/crypto.ts';
import type { Deps } from '../platform/deps.ts';
import { hitRateLimit } from '../platform/http/rate-limit.ts';
import { portalUrl, publicBaseUrl } from '../platform/public-url.ts';
import { openPortalSession } from './portal-sessions.ts';
import { toLanguage } from '../../contract/workspaces.ts';

// Five links per address and per IP in 15 minutes: the sixth request sends nothing.
const LINK_LIMIT = { max: 5, windowSeconds: 15 * 60 };
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export interface PortalWorkspace {
  org_id: number;
  slug: string;
  name: string;
  public_url: string | null;
  default_language: string;
  default_country: string | null;
  /** Channels turned off: with web among them the request form takes nothing. */
  channels_off: string[];
}

/**
 * A customer asks for a sign-in link. The limits count every request, known address or not; the
 * answer is given before anything is looked up, and the lookup and the mail happen after it, so
 * a known and an unknown address get the same answer in the same time.
 */
export async function requestSignInLink(deps: Deps, log: FastifyBaseLogger, workspace: PortalWorkspace, email: string, ip: string): Promise<void> {
  const now = deps.clock.now();
  await hitRateLimit(deps.db, { key: `portal-link:ip:${ip}`, ...LINK_LIMIT }, now);
  await hitRateLimit(deps.db, { key: `portal-link:address:${workspace.org_id}:${email.toLowerCase()}`, ...LINK_LIMIT }, now);
  setImmediate(() => {
    sendSignInLink(deps, workspace, email, now).catch((error: unknown) => log.error({ err: error }, 'portal sign-in link not sent'));
  });
}

/** Mails a one-time link to the customer user of that address, if there is one; nothing otherwise. */
export async function sendSignInLink(deps: Deps, workspace: PortalWorkspace, email: string, now: Date): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('customer_users')
      .select(['id', 'name', 'email', 'language'])
      .where('org_id', '=', workspace.org_id)
      .where(sql<boolean>`lower(email) = ${email.toLowerCase()}`)
      // Held until the link is in: a merge deleting this user meanwhile waits, or went first and nothing is sent.
      .forKeyShare()
      .executeTakeFirst();
    if (!user?.email) return;
    // 256 bits of randomness; only the hash is kept.
    const token = randomToken(32);
    const minutes = deps.config.PORTAL_LINK_TTL_MINUTES;
    await trx
      .insertInto('portal_links')
      .values({ org_id: workspace.org_id, customer_user_id: user.id, token_hash: hashToken(token), created_at: now, expires_at: new Date(now.getTime() + minutes * 60_000) })
      .execute();
    const link = portalUrl(publicBaseUrl(deps.config, workspace), workspace.slug, `/auth?token=${token}`);
    await enqueueMail(trx, deps, {
      orgId: workspace.org_id,
      template: 'sign_in_link',
      language: toLanguage(user.language),
      to: { address: user.email, name: user.name },
      ticketId: null,
      values: { workspace: { name: workspace.name }, recipient: { name: user.name }, link, expires_minutes: minutes },
    }, now);
  });
}

/**
 * Consumes a link: the statement that checks it also marks it used, so of any number of parallel
 * clicks one opens a session. A used, expired, unknown, malformed or other workspace's token opens nothing.
 */
export async function consumeSignInLink(deps: Deps, workspace: PortalWorkspace, token: string): Promise<{ cookie: string; expiresAt: Date } | null> {
  if (!tokenPattern.test(token)) return null;
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const link = await trx
      .updateTable('portal_links')
      .set({ used_at: now })
      .where('org_id', '=', workspace.org_id)
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('customer_user_id')
      .executeTakeFirst();
    return link ? openPortalSession(trx, deps, workspace.org_id, link.customer_user_id, now) : null;
  });
}
