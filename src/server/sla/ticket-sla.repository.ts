import type { Db } from '../workspaces/workspaces.repository.ts';
import type { SlaColumns } from './sla-rules.ts';

/** The SLA columns only: the version was bumped by the write of the change that caused them. */
export async function updateTicketSla(db: Db, orgId: number, ticketId: number, columns: Partial<SlaColumns>): Promise<void> {
  await db.updateTable('tickets').set(columns).where('org_id', '=', orgId).where('id', '=', ticketId).execute();
}

/** A ticket's SLA state with the name of its policy (null when the policy was deleted since). */
export const findTicketSla = (db: Db, orgId: number, number: string) =>
  db
    .selectFrom('tickets as t')
    .leftJoin('sla_policies as p', (j) => j.onRef('p.org_id', '=', 't.org_id').onRef('p.id', '=', 't.sla_policy_id'))
    .select([
      't.status', 't.sla_policy_id', 'p.name as policy_name',
      't.first_response_due_at', 't.next_response_due_at', 't.resolution_due_at', 't.escalation_at', 't.sla_warning_at', 't.escalation_level', 't.escalation_due_at',
      't.sla_paused_at', 't.sla_paused_seconds', 't.next_response_since', 't.first_responded_at',
      't.first_response_seconds_taken', 't.first_response_seconds_over', 't.resolution_seconds_taken', 't.resolution_seconds_over',
    ])
    .where('t.org_id', '=', orgId)
    .where('t.number', '=', number)
    .executeTakeFirst();
