import type { z } from 'zod';
import type { AgentLinkInfo, sentAgentLink } from '../../contract/admin.ts';
import { toLanguage } from '../../contract/workspaces.ts';
import { forgetAgentSessions } from '../auth/authenticate.ts';
import { openSession, type OpenedSession } from '../auth/auth.service.ts';
import { revokeAgentSessions } from '../auth/sessions.repository.ts';
import { enqueueMail } from '../mail/enqueue.ts';
import type { AgentActor } from '../platform/actor.ts';
import { hashPassword, hashToken, randomToken } from '../platform/crypto.ts';
import type { Deps } from '../platform/deps.ts';
import { iso } from '../platform/dto.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { hitRateLimit } from '../platform/http/rate-limit.ts';
import { publicBaseUrl } from '../platform/public-url.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { findWorkspaceById } from '../workspaces/workspaces.repository.ts';
import { updateAgent } from './agents.repository.ts';

export type LinkPurpose = 'invitation' | 'password_reset';
export const linkHours: Record<LinkPurpose, number> = { invitation: 7 * 24, password_reset: 24 };
const templateOf = { invitation: 'agent_invitation', password_reset: 'password_reset' } as const;
// Thirty tries per IP in 15 minutes: a token has 256 bits, so guessing is hopeless anyway; the
// limit keeps the endpoint (and its password hashing) cheap, with room for an office behind one address.
export const LINK_TRIES = { max: 30, windowSeconds: 15 * 60 };
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;
const spent = () => new AppError('not_found', 'This link was used already, has expired or is not known: ask an admin to send a new one');

/**
 * Mails an agent a one-time link: an invitation to choose a first password, or a password reset.
 * Earlier unused links of the agent are spent, so only the newest works; the link exists in the
 * mail alone (a hash is kept), and the admin never sees it.
 */
export async function sendAgentLink(trx: Db, deps: Deps, admin: AgentActor, agentId: number, purpose: LinkPurpose): Promise<z.infer<typeof sentAgentLink>> {
  const now = deps.clock.now();
  const agent = await trx
    .selectFrom('agents')
    .select(['id', 'name', 'email', 'language', 'is_active', 'password_hash'])
    .where('org_id', '=', admin.orgId)
    .where('id', '=', agentId)
    .forUpdate()
    .executeTakeFirst();
  if (!agent) throw notFound('Agent');
  if (!agent.is_active) throw new AppError('conflict', `${agent.name} is deactivated: reactivate the agent first`);
  if (purpose === 'password_reset' && agent.password_hash === null) throw new AppError('conflict', `${agent.name} has not accepted the invitation yet: send the invitation again instead`);
  if (purpose === 'invitation' && agent.password_hash !== null) throw new AppError('conflict', `${agent.name} has accepted the invitation already: send a password reset instead`);
  const workspace = await findWorkspaceById(trx, admin.orgId);
  if (!workspace) throw notFound('Workspace');
  await spendAgentLinks(trx, admin.orgId, agentId, now);
  const token = randomToken(32);
  const hours = linkHours[purpose];
  const expiresAt = new Date(now.getTime() + hours * 3600_000);
  await trx
    .insertInto('agent_links')
    .values({ org_id: admin.orgId, agent_id: agentId, purpose, token_hash: hashToken(token), created_by: admin.agentId, created_at: now, expires_at: expiresAt })
    .execute();
  // The token rides in the fragment: browsers send it to no server, so it stays out of logs and Referer headers.
  const link = `${publicBaseUrl(deps.config, workspace)}/set-password#${token}`;
  const outboxId = await enqueueMail(trx, deps, {
    orgId: admin.orgId,
    template: templateOf[purpose],
    language: toLanguage(agent.language ?? workspace.default_language),
    to: { address: agent.email, name: agent.name },
    ticketId: null,
    values: { workspace: { name: workspace.name }, recipient: { name: agent.name }, link, expires_hours: hours, sent_by: admin.name },
  }, now);
  return { agent_id: agentId, sent_to: agent.email, expires_at: iso(expiresAt), outbox_id: outboxId };
}

/** Spends every unused link of the agent. */
export const spendAgentLinks = (db: Db, orgId: number, agentId: number, now: Date) =>
  db.updateTable('agent_links').set({ used_at: now }).where('org_id', '=', orgId).where('agent_id', '=', agentId).where('used_at', 'is', null).execute();

const liveLink = (db: Db, token: string, now: Date) =>
  db
    .selectFrom('agent_links as l')
    .innerJoin('agents as a', (j) => j.onRef('a.org_id', '=', 'l.org_id').onRef('a.id', '=', 'l.agent_id'))
    .innerJoin('workspaces as w', 'w.org_id', 'l.org_id')
    .select(['l.org_id', 'l.id', 'l.agent_id', 'l.purpose', 'l.expires_at', 'a.name', 'a.email', 'w.slug', 'w.name as workspace_name'])
    .where('l.token_hash', '=', hashToken(token))
    .where('l.used_at', 'is', null)
    .where('l.expires_at', '>', now)
    .where('a.is_active', '=', true);

async function limitTries(deps: Deps, ip: string, now: Date) {
  await hitRateLimit(deps.db, { key: `agent-link:ip:${ip}`, ...LINK_TRIES }, now);
}

/** What a link is for and whom, so the page can greet the agent before they choose a password. */
export async function inspectAgentLink(deps: Deps, token: string, ip: string): Promise<AgentLinkInfo> {
  const now = deps.clock.now();
  await limitTries(deps, ip, now);
  const link = tokenPattern.test(token) ? await liveLink(deps.db, token, now).executeTakeFirst() : undefined;
  if (!link) throw spent();
  return { purpose: link.purpose, name: link.name, email: link.email, workspace: { slug: link.slug, name: link.workspace_name }, expires_at: iso(link.expires_at) };
}

/**
 * Spends a link and sets the agent's password: the statement that checks the link also marks it
 * used, so of two parallel tries one wins. Every session the agent had ends (a reset is often
 * asked for because someone else may know the old password), and a new one opens here.
 */
export async function acceptAgentLink(deps: Deps, token: string, password: string, ip: string): Promise<OpenedSession> {
  const now = deps.clock.now();
  await limitTries(deps, ip, now);
  if (!tokenPattern.test(token)) throw spent();
  const passwordHash = await hashPassword(password);
  const accepted = await deps.db.transaction().execute(async (trx) => {
    const link = await trx
      .updateTable('agent_links')
      .set({ used_at: now })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['org_id', 'agent_id'])
      .executeTakeFirst();
    const active = link && (await trx.selectFrom('agents').select('id').where('org_id', '=', link.org_id).where('id', '=', link.agent_id).where('is_active', '=', true).executeTakeFirst());
    if (!active) throw spent();
    await spendAgentLinks(trx, link.org_id, link.agent_id, now);
    await updateAgent(trx, link.org_id, link.agent_id, { password_hash: passwordHash }, now);
    await revokeAgentSessions(trx, link.org_id, link.agent_id, now);
    return link;
  });
  forgetAgentSessions(deps.db, accepted.org_id, accepted.agent_id);
  return openSession(deps, accepted.org_id, accepted.agent_id);
}
