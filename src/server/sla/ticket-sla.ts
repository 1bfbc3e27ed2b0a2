import type { TicketSla } from '../../contract/sla.ts';
import type { Deps } from '../platform/deps.ts';
import { isoOrNull } from '../platform/dto.ts';
import { notFound } from '../platform/errors.ts';
import { isClockRunning } from './sla-rules.ts';
import { findTicketSla } from './ticket-sla.repository.ts';

/** A ticket's service-level state: due times, pauses and the stats reports read. */
export async function getTicketSla(deps: Deps, orgId: number, number: string): Promise<TicketSla> {
  const t = await findTicketSla(deps.db, orgId, number);
  if (!t) throw notFound(`Ticket ${number}`);
  const now = deps.clock.now();
  return {
    policy: t.sla_policy_id === null ? null : { id: t.sla_policy_id, name: t.policy_name ?? '' },
    first_response_due_at: isoOrNull(t.first_response_due_at),
    next_response_due_at: isoOrNull(t.next_response_due_at),
    resolution_due_at: isoOrNull(t.resolution_due_at),
    escalation_at: isoOrNull(t.escalation_at),
    warning_at: isoOrNull(t.sla_warning_at),
    escalation_level: t.escalation_level,
    next_escalation_at: isoOrNull(t.escalation_due_at),
    // As the ticket list's overdue filter: active (pending included) and past the escalation time.
    is_overdue: (isClockRunning(t.status) || t.status === 'pending') && t.escalation_at !== null && t.escalation_at.getTime() < now.getTime(),
    paused_at: isoOrNull(t.sla_paused_at),
    paused_seconds: t.sla_paused_seconds,
    next_response_since: isoOrNull(t.next_response_since),
    first_responded_at: isoOrNull(t.first_responded_at),
    first_response_seconds_taken: t.first_response_seconds_taken,
    first_response_seconds_over: t.first_response_seconds_over,
    resolution_seconds_taken: t.resolution_seconds_taken,
    resolution_seconds_over: t.resolution_seconds_over,
  };
}
