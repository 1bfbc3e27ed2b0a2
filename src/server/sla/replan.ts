import type { Deps } from '../platform/deps.ts';
import { forgetSlaSetup } from './sla-setup.ts';

/**
 * After an admin changed how SLA time is counted (a policy, their order, a calendar, which
 * calendar applies): the workspace's setup is read afresh, and its active tickets are planned
 * again at the next sweep — their escalation_due_at is set to now, and the escalation duty plans
 * a ticket again (due times, warning, level) before it looks for a level. One update here instead
 * of planning every ticket in the admin's request. Resolved and closed tickets keep their record.
 */
export async function replanWorkspace(deps: Deps, orgId: number): Promise<void> {
  forgetSlaSetup(deps.db, orgId);
  await deps.db
    .updateTable('tickets')
    .set({ escalation_due_at: deps.clock.now() })
    .where('org_id', '=', orgId)
    .where('status', 'in', ['new', 'open', 'pending'])
    .execute();
}
