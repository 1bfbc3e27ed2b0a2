import { ticketStateColumnNames, type TicketState } from '../tickets/tickets.repository.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import type { Duty } from './duty.ts';

/** Ticket columns a duty is due by; each has a partial index leading with it (migrations 0008–0010). */
export type DueColumn = 'auto_close_at' | 'reminder_due_at' | 'sla_warning_at' | 'escalation_due_at';

/** A claimed ticket: its state without its long texts and search document, which no duty reads. */
export type DueTicket = TicketState;

/**
 * How a duty over tickets finds and claims what is due by `column`: the index answers "anything
 * due?" with one probe, and a claim locks the earliest due rows no other sweeper holds, so any
 * number of sweepers share the work without waiting on each other or taking a row twice.
 */
export function ticketsDueBy(column: DueColumn): Pick<Duty<DueTicket>, 'hasDue' | 'claim' | 'postpone'> {
  return {
    async hasDue(db, now) {
      const row = await db.selectFrom('tickets').select('id').where(column, '<=', now).limit(1).executeTakeFirst();
      return row !== undefined;
    },
    claim: (trx, now, limit) => trx.selectFrom('tickets').select(ticketStateColumnNames).where(column, '<=', now).orderBy(column).limit(limit).forUpdate().skipLocked().execute(),
    postpone: (trx, ticket, until) => setDue(trx, ticket, column, until),
  };
}

/** Sets or clears a due time without a new version: the ticket as agents see it is unchanged. */
export async function setDue(trx: Db, ticket: Pick<DueTicket, 'org_id' | 'id'>, column: DueColumn, at: Date | null): Promise<void> {
  await trx.updateTable('tickets').set(column, at).where('org_id', '=', ticket.org_id).where('id', '=', ticket.id).execute();
}
