import { sql } from 'kysely';
import { searchFilter, type SearchTerm } from './folded-search.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

/** The columns a customer user shows with (toCustomerUser). */
export const userColumns = ['id', 'customer_id', 'name', 'email', 'phone', 'phone_normalized', 'language', 'loyalty_id', 'is_valid', 'bounced_at', 'bounce_reason', 'created_at', 'updated_at'] as const;
const customerColumns = ['id', 'customer_code', 'name', 'address', 'notes', 'attributes', 'created_at', 'updated_at'] as const;

export const findCustomerUser = (db: Db, orgId: number, id: number) =>
  db.selectFrom('customer_users').select(userColumns).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();

/**
 * `hold` keeps the row (FOR KEY SHARE, the lock a foreign key takes) until the transaction ends: a
 * merge deleting it meanwhile waits, or deleted it first and the lookup finds nobody.
 */
export const findCustomerUserByEmail = (db: Db, orgId: number, email: string, hold = false) =>
  db
    .selectFrom('customer_users')
    .select(userColumns)
    .where('org_id', '=', orgId)
    .where(sql<boolean>`lower(email) = ${email.toLowerCase()}`)
    .$if(hold, (q) => q.forKeyShare())
    .executeTakeFirst();

export const findCustomerUserByLoyaltyId = (db: Db, orgId: number, loyaltyId: string, hold = false) =>
  db
    .selectFrom('customer_users')
    .select(userColumns)
    .where('org_id', '=', orgId)
    .where(sql<boolean>`lower(loyalty_id) = ${loyaltyId.toLowerCase()}`)
    .$if(hold, (q) => q.forKeyShare())
    .executeTakeFirst();

/** The customer user with this email, else the first with this normalized phone; `hold` as above. */
export async function findCustomerUserByContact(db: Db, orgId: number, email: string | undefined, phone: string | undefined, hold = false) {
  if (email) {
    const byEmail = await findCustomerUserByEmail(db, orgId, email, hold);
    if (byEmail) return byEmail;
  }
  if (phone) {
    return db
      .selectFrom('customer_users')
      .select(userColumns)
      .where('org_id', '=', orgId)
      .where('phone_normalized', '=', phone)
      .orderBy('id')
      .$if(hold, (q) => q.forKeyShare())
      .executeTakeFirst();
  }
  return undefined;
}

export interface CustomerUserValues {
  name: string;
  email: string | null;
  phone: string | null;
  phone_normalized: string | null;
  language?: string;
  customer_id?: number | null;
  loyalty_id?: string | null;
  is_valid?: boolean;
  /** Cleared when the email changes: the bounce was of the old address. */
  bounced_at?: Date | null;
  bounce_reason?: string | null;
}

export const insertCustomerUser = (db: Db, orgId: number, input: CustomerUserValues & { created_at: Date; updated_at: Date }) =>
  db.insertInto('customer_users').values({ org_id: orgId, ...input }).returning(userColumns).executeTakeFirstOrThrow();

/** Inserts a customer user unless one with the same email or phone exists (then answers undefined, after any insert of it still in flight commits). */
export const insertCustomerUserIfNew = (db: Db, orgId: number, input: CustomerUserValues & { created_at: Date; updated_at: Date }) =>
  db.insertInto('customer_users').values({ org_id: orgId, ...input }).onConflict((oc) => oc.doNothing()).returning(userColumns).executeTakeFirst();

export const updateCustomerUser = (db: Db, orgId: number, id: number, changes: Partial<CustomerUserValues>, now: Date) =>
  db
    .updateTable('customer_users')
    .set({ ...changes, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returning(userColumns)
    .executeTakeFirst();

/** The term matches name, email or loyalty id (folded), or the normalized phone; each has a trigram index. */
export async function searchCustomerUsers(db: Db, orgId: number, term: SearchTerm, limit: number, afterId: number | null) {
  let q = db.selectFrom('customer_users').select(userColumns).where('org_id', '=', orgId).where('id', '>', afterId ?? 0);
  if (term) {
    const filter = await searchFilter(db, 'customer_users', 'customer_users', orgId, term, limit, afterId ?? 0);
    if (!filter) return [];
    q = q.where(filter);
  }
  return q.orderBy('id').limit(limit + 1).execute();
}

export const findCustomer = (db: Db, orgId: number, id: number) =>
  db.selectFrom('customers').select(customerColumns).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();

export interface CustomerValues {
  name: string;
  customer_code: string | null;
  address: string | null;
  notes: string | null;
  attributes: string;
}

export const insertCustomer = (db: Db, orgId: number, input: CustomerValues & { created_at: Date; updated_at: Date }) =>
  db.insertInto('customers').values({ org_id: orgId, ...input }).returning(customerColumns).executeTakeFirstOrThrow();

export const updateCustomer = (db: Db, orgId: number, id: number, changes: Partial<CustomerValues>, now: Date) =>
  db
    .updateTable('customers')
    .set({ ...changes, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returning(customerColumns)
    .executeTakeFirst();

/** The term matches name or customer code (folded); each has a trigram index. */
export async function searchCustomers(db: Db, orgId: number, term: SearchTerm, limit: number, afterId: number | null) {
  let q = db.selectFrom('customers').select(customerColumns).where('org_id', '=', orgId).where('id', '>', afterId ?? 0);
  if (term) {
    const filter = await searchFilter(db, 'customers', 'customers', orgId, term, limit, afterId ?? 0);
    if (!filter) return [];
    q = q.where(filter);
  }
  return q.orderBy('id').limit(limit + 1).execute();
}
