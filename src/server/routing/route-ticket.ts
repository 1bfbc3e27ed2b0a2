import type { Kysely } from 'kysely';
import { findDepartmentRef } from '../departments/departments.repository.ts';
import type { DB } from '../platform/db/schema.ts';
import { ShortCache } from '../platform/short-cache.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { listRuleRows, type RuleRow } from './routing-rules.repository.ts';
import { matchRoutingRule, type RoutingFacts } from './routing-rules.ts';

// Every create without a department reads these; an admin's change made here shows at once,
// one made by another process after this long at most.
const activeRules = new ShortCache<number, RuleRow[]>(5_000);

/** Called by every change to a workspace's routing rules. */
export function forgetRoutingRules(root: Kysely<DB>, orgId: number): void {
  activeRules.delete(root, orgId);
}

export interface Routing {
  department: { id: number; name: string };
  rule: { id: number; name: string };
}

/** The department the workspace's routing rules give a ticket, and the rule that gave it; null when none matches. */
export async function routeTicket(root: Kysely<DB>, db: Db, orgId: number, facts: RoutingFacts): Promise<Routing | null> {
  const rules = (await activeRules.read(root, orgId, () => listRuleRows(db, orgId, { activeOnly: true }))) ?? [];
  const rule = matchRoutingRule(rules, facts);
  if (!rule) return null;
  // The foreign key keeps the department while the rule names it.
  const department = await findDepartmentRef(db, orgId, rule.department_id);
  return department ? { department, rule: { id: rule.id, name: rule.name } } : null;
}
