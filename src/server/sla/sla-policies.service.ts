import type { CreateSlaPolicyBody, PatchSlaPolicyBody, SlaPolicy } from '../../contract/sla.ts';
import { slaLimits } from '../../contract/sla.ts';
import type { channels, priorities } from '../../contract/tickets.ts';
import { existingDepartmentIds } from '../departments/departments.repository.ts';
import type { Deps } from '../platform/deps.ts';
import { iso } from '../platform/dto.ts';
import { AppError, invalidFields, notFound, refuseUnknown } from '../platform/errors.ts';
import { assertFullOrder, guardName, lockForInsert, lockOrderedIds, setPositions } from '../platform/ordered-list.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { assertCalendar } from './calendars.service.ts';
import {
  deletePolicyRow,
  existingCategoryIds,
  findPolicyRow,
  insertPolicy,
  listPolicyRows,
  updatePolicy,
  type PolicyRow,
  type PolicyValues,
} from './sla-policies.repository.ts';
import { replanWorkspace } from './replan.ts';

const toPolicy = (p: PolicyRow): SlaPolicy => ({
  id: p.id,
  name: p.name,
  position: p.position,
  priorities: p.priorities as Array<(typeof priorities)[number]> | null,
  department_ids: p.department_ids,
  channels: p.channels as Array<(typeof channels)[number]> | null,
  category_ids: p.category_ids,
  first_response_seconds: p.first_response_seconds,
  next_response_seconds: p.next_response_seconds,
  resolution_seconds: p.resolution_seconds,
  warning_percent: p.warning_percent,
  calendar_id: p.calendar_id,
  is_active: p.is_active,
  created_at: iso(p.created_at),
  updated_at: iso(p.updated_at),
});

const nameTaken = (name: string | undefined) =>
  new AppError('conflict', `An SLA policy named "${name}" exists already`, [{ field: 'body.name', message: 'used by another SLA policy' }]);

const unique = <T>(list: T[] | null | undefined): T[] | null | undefined => (list ? [...new Set(list)] : list);

/** Department, category and calendar ids must be of this workspace: 400 at each unknown one. */
async function assertReferences(db: Db, orgId: number, input: Partial<PolicyValues>): Promise<void> {
  const [departments, categories] = await Promise.all([
    existingDepartmentIds(db, orgId, input.department_ids ?? []),
    existingCategoryIds(db, orgId, input.category_ids ?? []),
  ]);
  const issues = [
    ...refuseUnknown(input.department_ids, departments, 'department_ids', 'department'),
    ...refuseUnknown(input.category_ids, categories, 'category_ids', 'category'),
  ];
  if (issues.length) throw invalidFields(issues);
  await assertCalendar(db, orgId, input.calendar_id);
}

export const getPolicies = async (deps: Deps, orgId: number): Promise<SlaPolicy[]> => (await listPolicyRows(deps.db, orgId)).map(toPolicy);

export async function getPolicy(deps: Deps, orgId: number, id: number): Promise<SlaPolicy> {
  const row = await findPolicyRow(deps.db, orgId, id);
  if (!row) throw notFound('SLA policy');
  return toPolicy(row);
}

/** Adds a policy after the others; it applies to tickets as they are created or change from now on. */
export async function createPolicy(deps: Deps, orgId: number, input: CreateSlaPolicyBody): Promise<SlaPolicy> {
  const values: PolicyValues = {
    ...input,
    priorities: unique(input.priorities) ?? null,
    department_ids: unique(input.department_ids) ?? null,
    channels: unique(input.channels) ?? null,
    category_ids: unique(input.category_ids) ?? null,
  };
  const id = await guardName(() => nameTaken(input.name), () =>
    deps.db.transaction().execute(async (trx) => {
      await lockForInsert(trx, 'sla_policies', orgId, slaLimits.policiesMax, 'SLA policies');
      await assertReferences(trx, orgId, values);
      return insertPolicy(trx, orgId, values, deps.clock.now());
    }),
  );
  await replanWorkspace(deps, orgId);
  return getPolicy(deps, orgId, id);
}

/** Changes a policy's name, lists, targets, calendar or activity. */
export async function changePolicy(deps: Deps, orgId: number, id: number, input: PatchSlaPolicyBody): Promise<SlaPolicy> {
  const changes: Partial<PolicyValues> = {
    ...input,
    ...(input.priorities !== undefined ? { priorities: unique(input.priorities) } : {}),
    ...(input.department_ids !== undefined ? { department_ids: unique(input.department_ids) } : {}),
    ...(input.channels !== undefined ? { channels: unique(input.channels) } : {}),
    ...(input.category_ids !== undefined ? { category_ids: unique(input.category_ids) } : {}),
  };
  await guardName(() => nameTaken(input.name), () =>
    deps.db.transaction().execute(async (trx) => {
      if (!(await findPolicyRow(trx, orgId, id))) throw notFound('SLA policy');
      await assertReferences(trx, orgId, changes);
      await updatePolicy(trx, orgId, id, changes, deps.clock.now());
    }),
  );
  await replanWorkspace(deps, orgId);
  return getPolicy(deps, orgId, id);
}

/** Deletes a policy; the active tickets are matched and planned again at the next sweep. */
export async function deletePolicy(deps: Deps, orgId: number, id: number): Promise<void> {
  if (!(await deletePolicyRow(deps.db, orgId, id))) throw notFound('SLA policy');
  await replanWorkspace(deps, orgId);
}

/** Sets the order policies are tried in: every policy id of the workspace, each once. */
export async function orderPolicies(deps: Deps, orgId: number, ids: number[]): Promise<SlaPolicy[]> {
  await deps.db.transaction().execute(async (trx) => {
    assertFullOrder(ids, await lockOrderedIds(trx, 'sla_policies', orgId), 'SLA policy');
    await setPositions(trx, 'sla_policies', orgId, ids, deps.clock.now());
  });
  await replanWorkspace(deps, orgId);
  return getPolicies(deps, orgId);
}
