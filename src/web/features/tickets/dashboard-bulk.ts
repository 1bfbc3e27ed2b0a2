import { moves } from '../../../contract/lifecycle.ts';
import { type Status, statuses, type Ticket, type TransitionBody } from '../../../contract/tickets.ts';
import type { DashboardT } from './ticket-filters.ts';

/** The status moves every selected ticket allows an agent (DESIGN.md §2), in lifecycle order. */
export function bulkMoves(from: readonly Status[]): Status[] {
  if (from.length === 0) return [];
  return statuses.filter((to) => from.every((status) => moves[status].includes(to)));
}

/** What a move is called on the bulk bar, where one name has to fit tickets of several statuses. */
export const bulkMoveLabel = (to: Status, t: DashboardT): string => t(`bulk.move.${to}`);

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
export function summarizeBulk(outcome: BulkOutcome, t: DashboardT): string {
  const changed = outcome.changed.length;
  return outcome.failed.length ? t('bulk.changedFailed', { changed, failed: outcome.failed.length }) : t('bulk.changed', { changed });
}
