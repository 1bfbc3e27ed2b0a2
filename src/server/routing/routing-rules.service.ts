import type { CreateRoutingRuleBody, PatchRoutingRuleBody, RoutingRule } from '../../contract/routing.ts';
import { routingLimits } from '../../contract/routing.ts';
import type { channels } from '../../contract/tickets.ts';
import { existingDepartmentIds } from '../departments/departments.repository.ts';
import { isUniqueViolation } from '../platform/db/pg-errors.ts';
import type { Deps } from '../platform/deps.ts';
import { iso } from '../platform/dto.ts';
import { AppError, notFound } from '../platform/errors.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { forgetRoutingRules } from './route-ticket.ts';
import {
  deleteRuleRow,
  existingRuleReferences,
  findRuleRow,
  insertRule,
  listRuleRows,
  lockRuleIds,
  setRulePositions,
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

type Issue = { field: string; message: string };
const invalid = (issues: Issue[]) => new AppError('validation_error', `Invalid request: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, issues);

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

/** Names each id of a list that is not of this workspace, at its index. */
function refuseUnknown(list: number[] | null | undefined, found: Set<number>, field: string, what: string): Issue[] {
  return (list ?? []).flatMap((id, index) => (found.has(id) ? [] : [{ field: `body.${field}.${index}`, message: `no such ${what} in this workspace` }]));
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
  if (issues.length) throw invalid(issues);
}

async function guardName<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
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
  const id = await guardName(input.name, () =>
    deps.db.transaction().execute(async (trx) => {
      const existing = await lockRuleIds(trx, orgId);
      if (existing.length >= routingLimits.rulesMax) throw new AppError('conflict', `A workspace has at most ${routingLimits.rulesMax} routing rules`);
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
  await guardName(input.name, () =>
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
    const existing = new Set(await lockRuleIds(trx, orgId));
    const seen = new Set<number>();
    const issues: Issue[] = [];
    ids.forEach((id, index) => {
      if (!existing.has(id)) issues.push({ field: `body.ids.${index}`, message: 'no such routing rule in this workspace' });
      else if (seen.has(id)) issues.push({ field: `body.ids.${index}`, message: `${id} is listed twice` });
      seen.add(id);
    });
    const missing = [...existing].filter((id) => !seen.has(id));
    if (missing.length) issues.push({ field: 'body.ids', message: `every rule must be listed; missing: ${missing.join(', ')}` });
    if (issues.length) throw invalid(issues);
    await setRulePositions(trx, orgId, ids, deps.clock.now());
  });
  forgetRoutingRules(deps.db, orgId);
  return getRules(deps, orgId);
}
