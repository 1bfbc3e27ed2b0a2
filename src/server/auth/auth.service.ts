import type { PatchMeBody } from '../../contract/auth.ts';
import { findAccountsByEmail, findAgent, updateAgent } from '../agents/agents.repository.ts';
import { burnPasswordCheck, verifyPassword } from '../platform/crypto.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { hitRateLimit, peekRateLimit } from '../platform/http/rate-limit.ts';
import { findWorkspaceById } from '../workspaces/workspaces.repository.ts';
import { channelsEnabled } from '../workspaces/workspaces.service.ts';
import { forgetSession } from './authenticate.ts';
import { formatSessionCookie, newSecret } from './credentials.ts';
import { insertSession, revokeSession } from './sessions.repository.ts';

const WINDOW = 15 * 60;
const ipLimit = (ip: string) => ({ key: `login:ip:${ip}`, max: 30, windowSeconds: WINDOW });
const accountLimit = (email: string) => ({ key: `login:account:${email.toLowerCase()}`, max: 10, windowSeconds: WINDOW });
const invalid = () => new AppError('unauthorized', 'Wrong email or password');

/** Opens a session for the agent whose email and password match; one answer for every failure. */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string; workspace?: string },
  ip: string,
): Promise<OpenedSession> {
  const now = deps.clock.now();
  await hitRateLimit(deps.db, ipLimit(ip), now);
  await peekRateLimit(deps.db, accountLimit(input.email), now);
  const accounts = (await findAccountsByEmail(deps.db, input.email)).filter(
    (a) => input.workspace === undefined || a.slug === input.workspace,
  );
  if (accounts.length === 0) {
    await burnPasswordCheck(input.password);
    await hitRateLimit(deps.db, accountLimit(input.email), now).catch(() => undefined);
    throw invalid();
  }
  const matches = [];
  for (const account of accounts) {
    // An invited agent has no password until they follow their invitation.
    if (account.password_hash === null) await burnPasswordCheck(input.password);
    else if ((await verifyPassword(account.password_hash, input.password)) && account.is_active) matches.push(account);
  }
  if (matches.length === 0) {
    await hitRateLimit(deps.db, accountLimit(input.email), now).catch(() => undefined);
    throw invalid();
  }
  if (matches.length > 1) {
    throw new AppError('validation_error', 'This account exists in several workspaces: add "workspace" with its slug', {
      workspaces: matches.map((m) => m.slug),
    });
  }
  return openSession(deps, matches[0].org_id, matches[0].id);
}

export interface OpenedSession {
  cookie: string;
  expiresAt: Date;
  orgId: number;
  agentId: number;
}

export async function openSession(deps: Deps, orgId: number, agentId: number): Promise<OpenedSession> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.SESSION_TTL_HOURS * 3600_000);
  const { secret, hash } = newSecret();
  const id = await deps.db.transaction().execute(async (trx) => {
    const sessionId = await insertSession(trx, orgId, agentId, hash, expiresAt, now);
    await updateAgent(trx, orgId, agentId, { last_sign_in_at: now }, now);
    return sessionId;
  });
  return { cookie: formatSessionCookie(orgId, id, secret), expiresAt, orgId, agentId };
}

export async function signOut(deps: Deps, orgId: number, sessionId: number): Promise<void> {
  await revokeSession(deps.db, orgId, sessionId, deps.clock.now());
  forgetSession(deps.db, orgId, sessionId);
}

export async function describeMe(deps: Deps, orgId: number, agentId: number) {
  const [agent, workspace] = await Promise.all([findAgent(deps.db, orgId, agentId), findWorkspaceById(deps.db, orgId)]);
  if (!agent || !workspace) throw new AppError('unauthorized', 'Your session has ended');
  return {
    agent: { id: agent.id, name: agent.name, email: agent.email, role: agent.role, language: agent.language, email_notifications: agent.email_notifications },
    workspace: { id: workspace.org_id, slug: workspace.slug, name: workspace.name, default_language: workspace.default_language as 'en' | 'id', logo_url: workspace.logo_url, channels_enabled: channelsEnabled(workspace) },
    department_ids: agent.department_ids,
  };
}

/** An agent's own choices (their language, mail for notifications); answers as /auth/me does. */
export async function changeMe(deps: Deps, orgId: number, agentId: number, changes: PatchMeBody) {
  await updateAgent(deps.db, orgId, agentId, changes, deps.clock.now());
  return describeMe(deps, orgId, agentId);
}
