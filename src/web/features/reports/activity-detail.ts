import type { ActivityRow } from '../../../contract/reports.ts';
import { statuses } from '../../../contract/tickets.ts';

export type TicketStatus = (typeof statuses)[number];

/**
 * What the activity table says of an event beside its type: who resolved (an agent by name, or the
 * customer in the portal) with the resolution, or the status it moved the ticket to.
 */
export type ActivityDetail =
  | { kind: 'resolvedBy'; isCustomer: boolean; name: string; resolution: string | null }
  | { kind: 'status'; from: TicketStatus | null; to: TicketStatus }
  | { kind: 'none' };

const isStatus = (v: unknown): v is TicketStatus => typeof v === 'string' && (statuses as readonly string[]).includes(v);
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

export function activityDetail(row: Pick<ActivityRow, 'type' | 'actor' | 'resolved_by' | 'before' | 'after'>): ActivityDetail {
  if (row.resolved_by !== null) {
    // The server names a customer's resolution "Customer"; the page says it in the agent's language.
    return { kind: 'resolvedBy', isCustomer: row.actor.kind === 'customer', name: row.resolved_by, resolution: text(row.after?.resolution) };
  }
  const to = row.after?.status;
  if (isStatus(to) && row.before?.status !== to) return { kind: 'status', from: isStatus(row.before?.status) ? row.before.status : null, to };
  return { kind: 'none' };
}
