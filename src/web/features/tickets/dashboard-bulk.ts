import { moves } from '../../../contract/lifecycle.ts';
import { type Status, statuses, type Ticket, type TransitionBody } from '../../../contract/tickets.ts';

/** The status moves every selected ticket allows an agent (DESIGN.md §2), in lifecycle order. */
export function bulkMoves(from: readonly Status[]): Status[] {
  if (from.length === 0) return [];
  return statuses.filter((to) => from.every((status) => moves[status].includes(to)));
}

/** What a move is called on the bulk bar, where one name has to fit tickets of several statuses. */
export const bulkMoveLabels: Record<Status, string> = {
  new: 'New',
  open: 'Open',
  pending: 'On hold',
  resolved: 'Resolve',
  closed: 'Close',
};

/** The moves that need words from the agent before they can be sent. */
export const isAskingMove = (to: Status): to is 'pending' | 'resolved' => to === 'pending' || to === 'resolved';

/**
 * The request for one ticket of a bulk move: a `new` ticket closed is a rejected one (the server
 * refuses any other close reason for it), any other is closed by hand.
 */
export function transitionFor(ticket: Pick<Ticket, 'status'>, move: TransitionBody): TransitionBody {
  if (move.to !== 'closed') return move;
  return { ...move, close_reason: ticket.status === 'new' ? 'rejected' : 'manual' };
}

export interface BulkFailure {
  number: string;
  message: string;
}

export interface BulkOutcome {
  changed: string[];
  failed: BulkFailure[];
}

/** "2 changed, 1 failed", leaving out a zero failure count. */
export function summarizeBulk(outcome: BulkOutcome): string {
  const changed = `${outcome.changed.length} changed`;
  return outcome.failed.length ? `${changed}, ${outcome.failed.length} failed` : changed;
}
