import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import type { DomainEvent } from '../tickets/ticket-events.ts';
import { needsVerification } from '../verification/verification-rules.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { autoAssignedEvent, pickAssignee } from './auto-assign.ts';
import { routeTicket } from './route-ticket.ts';
import type { RoutingFacts } from './routing-rules.ts';

type Ref = { id: number; name: string };

export interface NewTicketAllocation {
  /** What the new ticket row gets. */
  columns: { department_id: number | null; assignee_id: number | null; requested_department_id: number | null; verification_state: 'verified' | 'unverified' };
  /** What the created event adds: the department, the rule that routed it, the verification it waits for. */
  created: Record<string, unknown>;
  /** Events after `created`: the automatic assignment. */
  events: DomainEvent[];
}

/**
 * Where a new ticket goes: its given department, else the routing rules' one; then either it
 * waits for verification there (no department, no assignee yet) or it enters the department and,
 * with nobody given, the department may assign it automatically.
 */
export async function allocateNewTicket(
  root: Kysely<DB>,
  db: Db,
  orgId: number,
  given: { department: Ref | null; assignee: Ref | null },
  facts: RoutingFacts,
  verificationChannels: readonly string[],
  now: Date,
): Promise<NewTicketAllocation> {
  const routed = given.department ? null : await routeTicket(root, db, orgId, facts);
  const department = given.department ?? routed?.department ?? null;
  const routedBy = routed ? { routed_by: routed.rule } : {};
  if (needsVerification(verificationChannels, facts.channel)) {
    if (given.assignee) {
      throw new AppError('validation_error', `Tickets from ${facts.channel} wait for verification with nobody assigned; assign it once it is verified`, [
        { field: 'body.assignee', message: `not allowed: ${facts.channel} tickets start unverified` },
      ]);
    }
    return {
      columns: { department_id: null, assignee_id: null, requested_department_id: department?.id ?? null, verification_state: 'unverified' },
      created: { department: null, requested_department: department?.name ?? null, verification_state: 'unverified', ...routedBy },
      events: [],
    };
  }
  const pick = department && !given.assignee ? await pickAssignee(db, orgId, department.id, now) : null;
  return {
    columns: { department_id: department?.id ?? null, assignee_id: given.assignee?.id ?? pick?.assignee.id ?? null, requested_department_id: null, verification_state: 'verified' },
    created: { department: department?.name ?? null, ...routedBy },
    events: pick ? [autoAssignedEvent(orgId, pick)] : [],
  };
}
