import type { CreateRoutingRuleBody, PatchRoutingRuleBody, RoutingRule } from '../../contract/routing.ts';
import { routingLimits } from '../../contract/routing.ts';
import type { channels } from '../../contract/tickets.ts';
import { existingDepartmentIds } from '../departments/departments.repository.ts';
import type { Deps } from '../platform/deps.ts';
import { iso } from '../platform/dto.ts';
import { AppError, invalidFields, notFound, refuseUnknown } from '../platform/errors.ts';
import { assertFullOrder, guardName, lockForInsert, lockOrderedIds, setPositions } from '../platform/ordered-list.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { forgetRoutingRules } from './route-ticket.ts';
import {
  deleteRuleRow,
  existingRuleReferences,
  findRuleRow,
  insertRule,
  listRuleRows,
  updateRule,
  type RuleRow,
  type RuleValues,
} from './routing-rules.repository.ts';

const toRule = (r: RuleRow): RoutingRule => ({
  id: r.id,
  name: r.name,
  position: r.position,
  channels: r.channels as Array<(typeof channels)[number]> | null,
  sources: r.sources,
  category_ids: r.category_ids,
  customer_ids: r.customer_ids,
  subject_keywords: r.subject_keywords,
  department_id: r.department_id,
  is_active: r.is_active,
  created_at: iso(r.created_at),
  updated_at: iso(r.updated_at),
});

const nameTaken = (name: string | undefined) =>
  new AppError('conflict', `A routing rule named "${name}" exists already`, [{ field: 'body.name', message: 'used by another routing rule' }]);

/** Each value once, in the order first given; keywords count as the same whatever their case. */
function unique<T>(list: T[] | null | undefined, key: (v: T) => unknown = (v) => v): T[] | null | undefined {
  if (!list) return list;
  const seen = new Set<unknown>();
  return list.filter((v) => {
    if (seen.has(key(v))) return false;
    seen.add(key(v));
    return true;
  });
}

/** The department, categories and customers a rule names must be of this workspace: 400 at each unknown one. */
async function assertReferences(db: Db, orgId: number, input: Partial<RuleValues>): Promise<void> {
  const [departments, found] = await Promise.all([
    input.department_id === undefined ? new Set<number>() : existingDepartmentIds(db, orgId, [input.department_id]),
    existingRuleReferences(db, orgId, input.category_ids ?? [], input.customer_ids ?? []),
  ]);
  const issues = [
    ...(input.department_id !== undefined && !departments.has(input.department_id) ? [{ field: 'body.department_id', message: 'no such department in this workspace' }] : []),
    ...refuseUnknown(input.category_ids, found.categories, 'category_ids', 'category'),
    ...refuseUnknown(input.customer_ids, found.customers, 'customer_ids', 'customer'),
  ];
  if (issues.length) throw invalidFields(issues);
}

function cleanLists<T extends Partial<RuleValues>>(input: T): T {
  return {
    ...input,
    ...(input.channels !== undefined ? { channels: unique(input.channels) } : {}),
    ...(input.sources !== undefined ? { sources: unique(input.sources) } : {}),
    ...(input.category_ids !== undefined ? { category_ids: unique(input.category_ids) } : {}),
    ...(input.customer_ids !== undefined ? { customer_ids: unique(input.customer_ids) } : {}),
    ...(input.subject_keywords !== undefined ? { subject_keywords: unique(input.subject_keywords, (k) => k.toLowerCase()) } : {}),
  };
}

export const getRules = async (deps: Deps, orgId: number): Promise<RoutingRule[]> => (await listRuleRows(deps.db, orgId)).map(toRule);

export async function getRule(deps: Deps, orgId: number, id: number): Promise<RoutingRule> {
  const row = await findRuleRow(deps.db, orgId, id);
  if (!row) throw notFound('Routing rule');
  return toRule(row);
}

/** Adds a rule after the others; it routes tickets created from now on. */
export async function createRule(deps: Deps, orgId: number, input: CreateRoutingRuleBody): Promise<RoutingRule> {
  const values = cleanLists(input) as RuleValues;
  const id = await guardName(() => nameTaken(input.name), () =>
    deps.db.transaction().execute(async (trx) => {
      await lockForInsert(trx, 'routing_rules', orgId, routingLimits.rulesMax, 'routing rules');
      await assertReferences(trx, orgId, values);
      return insertRule(trx, orgId, values, deps.clock.now());
    }),
  );
  forgetRoutingRules(deps.db, orgId);
  return getRule(deps, orgId, id);
}

/** Changes a rule's name, lists, department or activity. */
export async function changeRule(deps: Deps, orgId: number, id: number, input: PatchRoutingRuleBody): Promise<RoutingRule> {
  const changes = cleanLists(input as Partial<RuleValues>);
  await guardName(() => nameTaken(input.name), () =>
    deps.db.transaction().execute(async (trx) => {
      if (!(await findRuleRow(trx, orgId, id))) throw notFound('Routing rule');
      await assertReferences(trx, orgId, changes);
      await updateRule(trx, orgId, id, changes, deps.clock.now());
    }),
  );
  forgetRoutingRules(deps.db, orgId);
  return getRule(deps, orgId, id);
}

/** Deletes a rule; tickets it routed keep their department. */
export async function deleteRule(deps: Deps, orgId: number, id: number): Promise<void> {
  if (!(await deleteRuleRow(deps.db, orgId, id))) throw notFound('Routing rule');
  forgetRoutingRules(deps.db, orgId);
}

/** Sets the order rules are tried in: every rule id of the workspace, each once. */
export async function orderRules(deps: Deps, orgId: number, ids: number[]): Promise<RoutingRule[]> {
  await deps.db.transaction().execute(async (trx) => {
    assertFullOrder(ids, await lockOrderedIds(trx, 'routing_rules', orgId), 'routing rule');
    await setPositions(trx, 'routing_rules', orgId, ids, deps.clock.now());
  });
  forgetRoutingRules(deps.db, orgId);
  return getRules(deps, orgId);
}
