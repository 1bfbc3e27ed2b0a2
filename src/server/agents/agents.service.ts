import type { z } from 'zod';
import type { Agent, createAgentBody, inviteAgentBody, patchAgentBody } from '../../contract/admin.ts';
import type { AgentActor } from '../platform/actor.ts';
import { sendAgentLink, spendAgentLinks } from './agent-links.ts';
import type { Availability } from '../../contract/routing.ts';
import { forgetAgentSessions } from '../auth/authenticate.ts';
import { revokeAgentSessions } from '../auth/sessions.repository.ts';
import { existingDepartmentIds } from '../departments/departments.repository.ts';
import { hashPassword } from '../platform/crypto.ts';
import { isUniqueViolation } from '../platform/db/pg-errors.ts';
import type { Deps } from '../platform/deps.ts';
import { forgetNames } from '../tickets/staff-names.ts';
import { iso, isoOrNull } from '../platform/dto.ts';
import { AppError, assertAllFound, notFound } from '../platform/errors.ts';
import { lockWorkspace, type Db } from '../workspaces/workspaces.repository.ts';
import { countActiveAdmins, findAgent, insertAgent, listAgents, setAgentDepartments, updateAgent } from './agents.repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof findAgent>>>;
const toAgent = (a: Row): Agent => ({
  id: a.id,
  name: a.name,
  email: a.email,
  role: a.role,
  is_active: a.is_active,
  status: !a.is_active ? 'deactivated' : a.has_password ? 'active' : 'invited',
  invitation_expires_at: a.has_password || a.invitation_expires_at === null ? null : iso(new Date(a.invitation_expires_at)),
  open_tickets: Number(a.open_tickets ?? 0),
  department_ids: a.department_ids,
  accepting_tickets: a.accepting_tickets,
  last_sign_in_at: isoOrNull(a.last_sign_in_at),
  created_at: iso(a.created_at),
});

export async function assertDepartmentsExist(db: Db, orgId: number, ids: number[]): Promise<void> {
  assertAllFound(ids, await existingDepartmentIds(db, orgId, ids), 'department', 'department_ids');
}

export const getAgents = async (deps: Deps, orgId: number) => (await listAgents(deps.db, orgId)).map(toAgent);

export async function getAgent(deps: Deps, orgId: number, id: number): Promise<Agent> {
  const agent = await findAgent(deps.db, orgId, id);
  if (!agent) throw notFound('Agent');
  return toAgent(agent);
}

/** Adds an agent with a password and departments; the email is unique within the workspace. */
export async function createAgent(deps: Deps, orgId: number, input: z.infer<typeof createAgentBody>): Promise<Agent> {
  const passwordHash = await hashPassword(input.password);
  return addAgent(deps, orgId, { ...input, password_hash: passwordHash }, async () => undefined);
}

/** Adds an agent without a password and mails them an invitation to choose one. */
export async function inviteAgent(deps: Deps, admin: AgentActor, input: z.infer<typeof inviteAgentBody>): Promise<Agent> {
  return addAgent(deps, admin.orgId, { ...input, password_hash: null }, async (trx, agentId) => {
    await sendAgentLink(trx, deps, admin, agentId, 'invitation');
  });
}

async function addAgent(
  deps: Deps,
  orgId: number,
  input: z.infer<typeof inviteAgentBody> & { password_hash: string | null },
  andThen: (trx: Db, agentId: number) => Promise<void>,
): Promise<Agent> {
  const departmentIds = [...new Set(input.department_ids)];
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      await assertDepartmentsExist(trx, orgId, departmentIds);
      const now = deps.clock.now();
      const agentId = await insertAgent(trx, orgId, { name: input.name, email: input.email, role: input.role, password_hash: input.password_hash, created_at: now, updated_at: now });
      await setAgentDepartments(trx, orgId, agentId, departmentIds);
      await andThen(trx, agentId);
      return agentId;
    });
    forgetNames(deps.db, orgId);
    return getAgent(deps, orgId, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `An agent with the email ${input.email} exists already`);
    throw error;
  }
}

/** Changes an agent; never leaves the workspace without an active admin; deactivation ends sessions. */
export async function changeAgent(deps: Deps, orgId: number, id: number, input: z.infer<typeof patchAgentBody>): Promise<Agent> {
  const now = deps.clock.now();
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  await deps.db.transaction().execute(async (trx) => {
    if (input.role !== undefined || input.is_active !== undefined) await lockWorkspace(trx, orgId);
    const current = await findAgent(trx, orgId, id);
    if (!current) throw notFound('Agent');
    const losesAdmin = current.role === 'admin' && current.is_active && (input.role === 'agent' || input.is_active === false);
    if (losesAdmin && (await countActiveAdmins(trx, orgId)) <= 1) {
      throw new AppError('conflict', 'This is the last active admin of the workspace; make another agent admin first', { reason: 'last_admin' });
    }
    const { password: _password, department_ids: departmentIds, ...changes } = input;
    await updateAgent(trx, orgId, id, { ...changes, ...(passwordHash ? { password_hash: passwordHash } : {}) }, now);
    if (departmentIds) {
      const unique = [...new Set(departmentIds)];
      await assertDepartmentsExist(trx, orgId, unique);
      await setAgentDepartments(trx, orgId, id, unique);
    }
    // A deactivated agent's sessions and mailed links end (reactivating revives none); a password
    // set here ends them too, and makes any invitation or reset link moot.
    if (input.is_active === false || passwordHash) {
      await revokeAgentSessions(trx, orgId, id, now);
      await spendAgentLinks(trx, orgId, id, now);
    }
  });
  forgetNames(deps.db, orgId);
  forgetAgentSessions(deps.db, orgId, id);
  return getAgent(deps, orgId, id);
}

/** An agent's own availability for automatic assignment (admins change anyone's through changeAgent). */
export async function setAvailability(deps: Deps, orgId: number, agentId: number, acceptingTickets: boolean): Promise<Availability> {
  if (!(await updateAgent(deps.db, orgId, agentId, { accepting_tickets: acceptingTickets }, deps.clock.now()))) throw notFound('Agent');
  return { accepting_tickets: acceptingTickets };
}

export async function getAvailability(deps: Deps, orgId: number, agentId: number): Promise<Availability> {
  const agent = await findAgent(deps.db, orgId, agentId);
  if (!agent) throw notFound('Agent');
  return { accepting_tickets: agent.accepting_tickets };
}
