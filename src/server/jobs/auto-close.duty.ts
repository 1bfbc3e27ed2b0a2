import { systemActor } from '../platform/actor.ts';
import { awaitsCustomer } from '../tickets/due-times.ts';
import { applyTransition } from '../tickets/transitions.service.ts';
import { findWorkspaceById } from '../workspaces/workspaces.repository.ts';
import { setDue, ticketsDueBy, type DueTicket } from './due-tickets.repository.ts';
import type { Duty } from './duty.ts';

/**
 * DESIGN.md §2 "Auto-close": a resolved ticket, or one pending on the customer, whose customer
 * stayed silent for the workspace's period is closed with close_reason auto by the system — its
 * history event, the customer's "closed" mail and the Auto-closed count follow as for any close.
 */
export const autoCloseDuty: Duty<DueTicket> = {
  name: 'auto_close',
  ...ticketsDueBy('auto_close_at'),
  async act(trx, ticket, { deps, now }) {
    // An admin who turns auto-close off (0) stops the closes already scheduled, too.
    const period = (await findWorkspaceById(trx, ticket.org_id))?.auto_close_after_seconds ?? 0;
    if (period === 0 || !awaitsCustomer(ticket)) {
      await setDue(trx, ticket, 'auto_close_at', null);
      return 'skipped';
    }
    // Leaving the state clears auto_close_at (due-times.ts), in the same update as the close.
    await applyTransition(deps, trx, systemActor(ticket.org_id), ticket, { to: 'closed', close_reason: 'auto' }, now);
    return 'done';
  },
};
