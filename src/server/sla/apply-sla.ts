import type { Deps } from '../platform/deps.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { calendarFor, levelsFor, slaSetup } from './sla-setup.ts';
import { freshSlaColumns, matchPolicy, planSla, type SlaChange, type SlaColumns, type SlaFacts, type SlaTicket } from './sla-rules.ts';
import { updateTicketSla } from './ticket-sla.repository.ts';

export type { SlaChange } from './sla-rules.ts';

/** A ticket as it is after the change: the matched fields and status, and the SLA columns it had (none for a new one). */
export type SlaTicketInput = SlaFacts & Pick<SlaTicket, 'status' | 'created_at'> & Partial<SlaColumns>;

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/**
 * The SLA columns a change of a ticket writes (only those that change): the policy matched
 * again, due times, escalation and warning instants, the escalation level and when the next one
 * fires, pauses and the report stats. Spread them
 * into the change's own write, or hand them to `writeSla`.
 */
export async function applySla(deps: Deps, db: Db, orgId: number, ticket: SlaTicketInput, change: SlaChange | readonly SlaChange[], now: Date): Promise<Partial<SlaColumns>> {
  const setup = await slaSetup(deps.db, db, orgId);
  const before: SlaTicket = { ...freshSlaColumns, ...ticket };
  const policy = matchPolicy(setup.policies, ticket);
  const cal = calendarFor(setup, policy?.calendar_id ?? null, ticket.department_id);
  const after = planSla(before, change, policy, cal, now, levelsFor(setup, ticket.department_id));
  const changed: Partial<SlaColumns> = {};
  for (const key of Object.keys(after) as Array<keyof SlaColumns>) {
    if (!same(after[key], before[key])) (changed as Record<string, unknown>)[key] = after[key];
  }
  return changed;
}

/** Writes SLA columns of a ticket whose row the caller holds and whose version it bumped already. */
export async function writeSla(db: Db, orgId: number, ticketId: number, columns: Partial<SlaColumns>): Promise<void> {
  if (Object.keys(columns).length) await updateTicketSla(db, orgId, ticketId, columns);
}
