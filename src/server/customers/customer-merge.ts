import type { CustomerUser } from '../../contract/customers.ts';
import type { AgentActor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { forgetCustomerUserSessions } from '../portal/portal-sessions.ts';
import { eventActorOf, recordEvents } from '../tickets/ticket-events.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { deleteCustomerUser, deletePortalAccess, holdCustomerUserRow, lockCustomerUsers, lockPortalLinksOf, lockTicketsOf, moveTickets } from './customer-merge.repository.ts';
import { toCustomerUser } from './customers.service.ts';

/**
 * The customer user a new ticket (or anything else that will point at them) is for, held until the
 * caller's transaction ends: a merge of them waits for that ticket and moves it with the others.
 * Undefined when there is no such customer user, which is also the answer once a merge that was
 * running has deleted them: the caller refuses instead of failing on the foreign key.
 */
export const holdCustomerUser = (trx: Db, orgId: number, id: number): Promise<{ id: number; customer_id: number | null } | undefined> =>
  holdCustomerUserRow(trx, orgId, id);

/**
 * Merges customer user `id` into `into` (the same person recorded twice), in one transaction:
 * every ticket of `id` moves to `into` and their customer with a `customer_merged` history event,
 * `id`'s portal links and sessions end, and `id` is deleted. Answers the kept customer user.
 * Both users stay locked (FOR UPDATE) throughout, so a ticket created for `id` meanwhile either
 * committed before (and is moved) or waits and then finds `id` gone (see holdCustomerUser).
 */
export async function mergeCustomerUsers(deps: Deps, actor: AgentActor, id: number, into: number): Promise<CustomerUser> {
  if (id === into) {
    throw new AppError('validation_error', 'A customer user cannot be merged into themselves', [{ field: 'body.into', message: 'must be another customer user' }]);
  }
  const orgId = actor.orgId;
  const now = deps.clock.now();
  const kept = await deps.db.transaction().execute(async (trx) => {
    await lockPortalLinksOf(trx, orgId, id);
    const users = await lockCustomerUsers(trx, orgId, [id, into]);
    const merged = users.find((u) => u.id === id);
    const target = users.find((u) => u.id === into);
    if (!merged) throw notFound('Customer user');
    if (!target) throw new AppError('not_found', `Customer user ${into} not found`, [{ field: 'body.into', message: 'no such customer user' }]);
    const tickets = await lockTicketsOf(trx, orgId, id);
    if (tickets.length) await moveTickets(trx, orgId, id, target, now);
    const who = eventActorOf(actor);
    for (const ticket of tickets) {
      await recordEvents(trx, deps.config, orgId, ticket.id, who, [
        {
          type: 'customer_merged',
          before: { customer_user_id: merged.id, customer_user: merged.name, email: merged.email, customer_id: ticket.customer_id },
          after: { customer_user_id: target.id, customer_user: target.name, email: target.email, customer_id: target.customer_id },
        },
      ], now);
    }
    await deletePortalAccess(trx, orgId, id);
    await deleteCustomerUser(trx, orgId, id);
    return target;
  });
  // Sessions verified a moment ago are cached: the merged user's must not outlive the commit.
  forgetCustomerUserSessions(deps.db, orgId, id);
  return toCustomerUser(kept);
}
