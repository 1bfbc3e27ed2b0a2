import { sql } from 'kysely';
import type { Db } from '../workspaces/workspaces.repository.ts';

const userColumns = ['id', 'customer_id', 'name', 'email', 'phone', 'language', 'created_at'] as const;
const customerColumns = ['id', 'customer_code', 'name', 'created_at'] as const;

export const findCustomerUser = (db: Db, orgId: number, id: number) =>
  db.selectFrom('customer_users').select(userColumns).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();

/** The customer user with this email, else the first with this normalized phone. */
export async function findCustomerUserByContact(db: Db, orgId: number, email: string | undefined, phone: string | undefined) {
  if (email) {
    const byEmail = await db
      .selectFrom('customer_users')
      .select(userColumns)
      .where('org_id', '=', orgId)
      .where(sql<boolean>`lower(email) = ${email.toLowerCase()}`)
      .executeTakeFirst();
    if (byEmail) return byEmail;
  }
  if (phone) {
    return db
      .selectFrom('customer_users')
      .select(userColumns)
      .where('org_id', '=', orgId)
      .where('phone_normalized', '=', phone)
      .orderBy('id')
      .executeTakeFirst();
  }
  return undefined;
}

export async function insertCustomerUser(
  db: Db,
  orgId: number,
  input: { name: string; email: string | null; phone: string | null; phone_normalized: string | null; language?: string; customer_id?: number | null; created_at: Date; updated_at: Date },
) {
  return db
    .insertInto('customer_users')
    .values({ org_id: orgId, ...input })
    .returning(userColumns)
    .executeTakeFirstOrThrow();
}

export async function updateCustomerUser(
  db: Db,
  orgId: number,
  id: number,
  changes: Partial<{ name: string; email: string | null; phone: string | null; phone_normalized: string | null; language: string; customer_id: number | null }>,
  now: Date,
) {
  return db
    .updateTable('customer_users')
    .set({ ...changes, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returning(userColumns)
    .executeTakeFirst();
}

/** `like` matches name or email, `phoneLike` the normalized phone; each has a trigram index. */
export function searchCustomerUsers(db: Db, orgId: number, like: string | null, phoneLike: string | null, limit: number, afterId: number | null) {
  let q = db.selectFrom('customer_users').select(userColumns).where('org_id', '=', orgId);
  if (like !== null) {
    q = q.where((eb) =>
      eb.or([eb('name', 'ilike', like), eb('email', 'ilike', like), ...(phoneLike ? [eb('phone_normalized', 'like', phoneLike)] : [])]),
    );
  }
  if (afterId !== null) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit + 1).execute();
}

export const findCustomer = (db: Db, orgId: number, id: number) =>
  db.selectFrom('customers').select(customerColumns).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();

export const insertCustomer = (db: Db, orgId: number, input: { name: string; customer_code: string | null; created_at: Date; updated_at: Date }) =>
  db.insertInto('customers').values({ org_id: orgId, ...input }).returning(customerColumns).executeTakeFirstOrThrow();

export function searchCustomers(db: Db, orgId: number, like: string | null, limit: number, afterId: number | null) {
  let q = db.selectFrom('customers').select(customerColumns).where('org_id', '=', orgId);
  if (like !== null) q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('customer_code', 'ilike', like)]));
  if (afterId !== null) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit + 1).execute();
}
