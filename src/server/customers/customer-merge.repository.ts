import type { Db } from '../workspaces/workspaces.repository.ts';
import { userColumns } from './customers.repository.ts';

/**
 * Locks the customer users (in id order, so two merges never wait on each other in a circle).
 * FOR UPDATE also holds off any ticket that would start to point at them until we are done.
 */
export const lockCustomerUsers = (db: Db, orgId: number, ids: number[]) =>
  db.selectFrom('customer_users').select(userColumns).where('org_id', '=', orgId).where('id', 'in', ids).orderBy('id').forUpdate().execute();

/**
 * Locks the merged user's portal sign-in links before the users themselves: a link being opened
 * locks its row first and the customer user (for its new session) second, so the merge, which
 * deletes those links, takes the same order instead of deadlocking with it.
 */
export const lockPortalLinksOf = (db: Db, orgId: number, customerUserId: number) =>
  db.selectFrom('portal_links').select('id').where('org_id', '=', orgId).where('customer_user_id', '=', customerUserId).orderBy('id').forUpdate().execute();

/**
 * Reads the customer user and holds them (FOR KEY SHARE, the lock a foreign key check takes) until
 * the transaction ends. It waits for a merge holding them; once that merge commits they are gone
 * and this answers undefined. Ordinary updates of the customer user are not held up.
 */
export const holdCustomerUserRow = (db: Db, orgId: number, id: number) =>
  db.selectFrom('customer_users').select(['id', 'customer_id']).where('org_id', '=', orgId).where('id', '=', id).forKeyShare().executeTakeFirst();

/** Locks the customer user's tickets: one being changed right now is waited for, not overwritten. */
export const lockTicketsOf = (db: Db, orgId: number, customerUserId: number) =>
  db.selectFrom('tickets').select(['id', 'customer_id']).where('org_id', '=', orgId).where('customer_user_id', '=', customerUserId).orderBy('id').forUpdate().execute();

/** Hands every ticket of `from` to `to` (and to their customer); each moved ticket gets a new version. */
export const moveTickets = (db: Db, orgId: number, from: number, to: { id: number; customer_id: number | null }, now: Date) =>
  db
    .updateTable('tickets')
    .set((eb) => ({ customer_user_id: to.id, customer_id: to.customer_id, updated_at: now, version: eb('version', '+', 1) }))
    .where('org_id', '=', orgId)
    .where('customer_user_id', '=', from)
    .execute();

/** The customer user's portal sign-in links and sessions: whoever held them is signed out for good. */
export async function deletePortalAccess(db: Db, orgId: number, customerUserId: number): Promise<void> {
  await db.deleteFrom('portal_links').where('org_id', '=', orgId).where('customer_user_id', '=', customerUserId).execute();
  await db.deleteFrom('portal_sessions').where('org_id', '=', orgId).where('customer_user_id', '=', customerUserId).execute();
}

export const deleteCustomerUser = (db: Db, orgId: number, id: number) => db.deleteFrom('customer_users').where('org_id', '=', orgId).where('id', '=', id).execute();
