import { systemActor } from '../platform/actor.ts';
import { awaitsCustomer } from '../tickets/due-times.ts';
import { applyTransition } from '../tickets/transitions.service.ts';
import { findWorkspaceById, type Db } from '../workspaces/workspaces.repository.ts';
import { ticketsDueBy, type DueTicket } from './due-tickets.repository.ts';
import type { Duty } from './duty.ts';

// The workspace's period, read once per batch (the claiming transaction) rather than once per ticket.
const periods = new WeakMap<Db, Map<number, Promise<number>>>();

function autoClosePeriod(trx: Db, orgId: number): Promise<number> {
  let byWorkspace = periods.get(trx);
  if (!byWorkspace) periods.set(trx, (byWorkspace = new Map()));
  let period = byWorkspace.get(orgId);
  if (!period) {
    const cache = byWorkspace;
    period = findWorkspaceById(trx, orgId).then(
      (w) => w?.auto_close_after_seconds ?? 0,
      (error: unknown) => {
        cache.delete(orgId); // a failed read is not kept: the next row reads again
        throw error;
      },
    );
    cache.set(orgId, period);
  }
  return period;
}

const dueBy = ticketsDueBy('auto_close_at');

/**
 * A close moves the ticket between status counters (ticket_counts: a row per bucket, channel,
 * source and slot), which the trigger locks until the batch commits: the new bucket's row, then
 * the old one's. Acting in (channel, source, status) order makes every batch take those rows in one
 * order (auto-closed, pending, resolved within each channel and source), so batches that share a
 * slot — running at once in this or another process — wait for each other but never in a circle.
 */
export const inCounterOrder = <T extends Pick<DueTicket, 'channel' | 'source' | 'status'>>(rows: T[]): T[] =>
  [...rows].sort((a, b) => compare(a.channel, b.channel) || compare(a.source, b.source) || compare(a.status, b.status));

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * DESIGN.md §2 "Auto-close": a resolved ticket, or one pending on the customer, whose customer
 * stayed silent for the workspace's period is closed with close_reason auto by the system — its
 * history event, the customer's "closed" mail and the Auto-closed count follow as for any close.
 */
export const autoCloseDuty: Duty<DueTicket> = {
  name: 'auto_close',
  ...dueBy,
  claim: async (trx, now, limit) => inCounterOrder(await dueBy.claim(trx, now, limit)),
  async act(trx, ticket, { deps, now, write }) {
    // An admin who turns auto-close off (0) stops the closes already scheduled, too.
    const period = await autoClosePeriod(trx, ticket.org_id);
    if (period === 0 || !awaitsCustomer(ticket)) {
      await write.update(ticket.org_id, ticket.id, { auto_close_at: null }, false);
      return 'skipped';
    }
    // Leaving the state clears auto_close_at (due-times.ts), in the same update as the close.
    await applyTransition(deps, trx, systemActor(ticket.org_id), ticket, { to: 'closed', close_reason: 'auto' }, now, { writer: write });
    return 'done';
  },
};
