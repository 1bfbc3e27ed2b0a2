import { findAgentRef } from '../agents/agents.repository.ts';
import { findCategoryRef } from '../categories/categories.repository.ts';
import { findDepartmentRef } from '../departments/departments.repository.ts';
import { AppError } from '../platform/errors.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

const unknown = (field: string, what: string, value: unknown) =>
  new AppError('not_found', `Unknown ${what}: ${value}`, [{ field: `body.${field}`, message: `no such ${what} in this workspace` }]);

/** Category by id or name; retired categories stay on old tickets but are not offered for new ones. */
export async function resolveCategory(db: Db, orgId: number, value: number | string): Promise<{ id: number; name: string }> {
  const category = await findCategoryRef(db, orgId, value);
  if (!category) throw unknown('category', 'category', value);
  if (category.retired_at) throw new AppError('validation_error', `The category ${category.name} is retired`, [{ field: 'body.category', message: 'retired' }]);
  return { id: category.id, name: category.name };
}

export async function resolveDepartment(db: Db, orgId: number, value: number | string): Promise<{ id: number; name: string }> {
  const department = await findDepartmentRef(db, orgId, value);
  if (!department) throw unknown('department', 'department', value);
  return department;
}

export async function resolveAssignee(db: Db, orgId: number, id: number): Promise<{ id: number; name: string }> {
  const agent = await findAgentRef(db, orgId, id);
  if (!agent) throw unknown('assignee', 'agent', id);
  if (!agent.is_active) throw new AppError('validation_error', `The agent ${agent.name} is deactivated`, [{ field: 'body.assignee', message: 'deactivated' }]);
  return { id: agent.id, name: agent.name };
}
