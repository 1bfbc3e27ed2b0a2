import type { z } from 'zod';
import type { Department, createDepartmentBody, patchDepartmentBody } from '../../contract/admin.ts';
import type { AssignmentMode } from '../../contract/routing.ts';
import { existingAgentIds } from '../agents/agents.repository.ts';
import { isUniqueViolation } from '../platform/db/pg-errors.ts';
import type { Deps } from '../platform/deps.ts';
import { forgetNames } from '../tickets/staff-names.ts';
import { iso } from '../platform/dto.ts';
import { AppError, assertAllFound, notFound } from '../platform/errors.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { findDepartment, insertDepartment, listDepartments, setDepartmentMembers, updateDepartment } from './departments.repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof findDepartment>>>;
const toDepartment = (d: Row): Department => ({ id: d.id, name: d.name, email: d.email, member_ids: d.member_ids, assignment_mode: d.assignment_mode, created_at: iso(d.created_at) });

async function assertAgentsExist(db: Db, orgId: number, ids: number[]): Promise<void> {
  assertAllFound(ids, await existingAgentIds(db, orgId, ids), 'agent', 'member_ids');
}

const nameTaken = (name: string) => new AppError('conflict', `A department named "${name}" exists already`);

export const getDepartments = async (deps: Deps, orgId: number) => (await listDepartments(deps.db, orgId)).map(toDepartment);

export async function getDepartment(deps: Deps, orgId: number, id: number): Promise<Department> {
  const d = await findDepartment(deps.db, orgId, id);
  if (!d) throw notFound('Department');
  return toDepartment(d);
}

/** Adds a department with its members (their "my departments"). */
export async function createDepartment(deps: Deps, orgId: number, input: Omit<z.infer<typeof createDepartmentBody>, 'assignment_mode'> & { assignment_mode?: AssignmentMode }): Promise<Department> {
  const members = [...new Set(input.member_ids)];
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      await assertAgentsExist(trx, orgId, members);
      const now = deps.clock.now();
      const departmentId = await insertDepartment(trx, orgId, { name: input.name, email: input.email ?? null, assignment_mode: input.assignment_mode ?? 'manual', created_at: now, updated_at: now });
      await setDepartmentMembers(trx, orgId, departmentId, members);
      return departmentId;
    });
    forgetNames(deps.db, orgId);
    return getDepartment(deps, orgId, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function changeDepartment(deps: Deps, orgId: number, id: number, input: z.infer<typeof patchDepartmentBody>): Promise<Department> {
  try {
    await deps.db.transaction().execute(async (trx) => {
      const { member_ids, ...changes } = input;
      if (!(await updateDepartment(trx, orgId, id, changes, deps.clock.now()))) throw notFound('Department');
      if (member_ids) {
        const members = [...new Set(member_ids)];
        await assertAgentsExist(trx, orgId, members);
        await setDepartmentMembers(trx, orgId, id, members);
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name ?? '');
    throw error;
  }
  forgetNames(deps.db, orgId);
  return getDepartment(deps, orgId, id);
}
