import type { EscalationLevels, EscalationLevelsBody } from '../../contract/escalation.ts';
import { existingAgentIds } from '../agents/agents.repository.ts';
import { existingDepartmentIds } from '../departments/departments.repository.ts';
import type { Deps } from '../platform/deps.ts';
import { invalidFields, notFound, type FieldIssue } from '../platform/errors.ts';
import { namesFor } from '../tickets/staff-names.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { findLevelRows, rearmEscalations, replaceLevelRows, type LevelRow } from './escalation-levels.repository.ts';
import { forgetSlaSetup } from './sla-setup.ts';

async function lockDepartment(trx: Db, orgId: number, departmentId: number): Promise<void> {
  const row = await trx.selectFrom('departments').select('id').where('org_id', '=', orgId).where('id', '=', departmentId).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Department');
}

async function toLevels(deps: Deps, db: Db, orgId: number, departmentId: number, rows: LevelRow[]): Promise<EscalationLevels> {
  const agents = rows.flatMap((r) => [...r.notify_agent_ids, r.reassign_agent_id]);
  const departments = rows.flatMap((r) => [r.notify_department_id, r.reassign_department_id]);
  const names = await namesFor(deps.db, db, orgId, { agents, departments, categories: [] });
  const ref = (book: Map<number, string>, id: number | null) => (id === null ? null : { id, name: book.get(id) ?? '' });
  return {
    department_id: departmentId,
    levels: rows.map((r) => ({
      level: r.level,
      delay_seconds: r.delay_seconds,
      notify_agents: r.notify_agent_ids.map((id) => ({ id, name: names.agents.get(id) ?? '' })),
      notify_department: ref(names.departments, r.notify_department_id),
      reassign_department: ref(names.departments, r.reassign_department_id),
      reassign_agent: ref(names.agents, r.reassign_agent_id),
      raise_priority_to: r.raise_priority_to,
    })),
  };
}

export async function getEscalationLevels(deps: Deps, orgId: number, departmentId: number): Promise<EscalationLevels> {
  if ((await existingDepartmentIds(deps.db, orgId, [departmentId])).size === 0) throw notFound('Department');
  return toLevels(deps, deps.db, orgId, departmentId, await findLevelRows(deps.db, orgId, departmentId));
}

/** Agents and departments named by the levels must be of this workspace, and a reassigned agent active: 400 at each that is not. */
async function assertReferences(db: Db, orgId: number, body: EscalationLevelsBody): Promise<void> {
  const agentIds = body.levels.flatMap((l) => [...l.notify_agent_ids, ...(l.reassign_agent_id === null ? [] : [l.reassign_agent_id])]);
  const departmentIds = body.levels.flatMap((l) => [l.notify_department_id, l.reassign_department_id].filter((id): id is number => id !== null));
  const [agents, departments, inactive] = await Promise.all([
    existingAgentIds(db, orgId, agentIds),
    existingDepartmentIds(db, orgId, departmentIds),
    agentIds.length ? db.selectFrom('agents').select('id').where('org_id', '=', orgId).where('id', 'in', agentIds).where('is_active', '=', false).execute() : [],
  ]);
  const deactivated = new Set(inactive.map((a) => a.id));
  const issues: FieldIssue[] = [];
  body.levels.forEach((l, index) => {
    const at = `body.levels.${index}`;
    l.notify_agent_ids.forEach((id, i) => {
      if (!agents.has(id)) issues.push({ field: `${at}.notify_agent_ids.${i}`, message: 'no such agent in this workspace' });
    });
    if (l.notify_department_id !== null && !departments.has(l.notify_department_id)) issues.push({ field: `${at}.notify_department_id`, message: 'no such department in this workspace' });
    if (l.reassign_department_id !== null && !departments.has(l.reassign_department_id)) issues.push({ field: `${at}.reassign_department_id`, message: 'no such department in this workspace' });
    if (l.reassign_agent_id !== null && !agents.has(l.reassign_agent_id)) issues.push({ field: `${at}.reassign_agent_id`, message: 'no such agent in this workspace' });
    else if (l.reassign_agent_id !== null && deactivated.has(l.reassign_agent_id)) issues.push({ field: `${at}.reassign_agent_id`, message: 'this agent is deactivated' });
  });
  if (issues.length) throw invalidFields(issues);
}

/**
 * Replaces a department's escalation flow. Its tickets that are overdue (or will be) get their
 * next level from the new flow at their escalation time: the sweeper looks at each then.
 */
export async function setEscalationLevels(deps: Deps, orgId: number, departmentId: number, body: EscalationLevelsBody): Promise<EscalationLevels> {
  const result = await deps.db.transaction().execute(async (trx) => {
    await lockDepartment(trx, orgId, departmentId);
    await assertReferences(trx, orgId, body);
    await replaceLevelRows(
      trx,
      orgId,
      departmentId,
      body.levels.map((l, index) => ({ level: index + 1, ...l, notify_agent_ids: [...new Set(l.notify_agent_ids)] })),
    );
    await rearmEscalations(trx, orgId, departmentId);
    return toLevels(deps, trx, orgId, departmentId, await findLevelRows(trx, orgId, departmentId));
  });
  forgetSlaSetup(deps.db, orgId);
  return result;
}
