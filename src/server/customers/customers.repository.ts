import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../workspaces/workspaces.repository.ts';

const userColumns = ['id', 'customer_id', 'name', 'email', 'phone', 'phone_normalized', 'language', 'loyalty_id', 'is_valid', 'created_at', 'updated_at'] as const;
const customerColumns = ['id', 'customer_code', 'name', 'address', 'notes', 'attributes', 'created_at', 'updated_at'] as const;

/** `column` folded (lower case, no accents) matches the folded LIKE pattern; the *_fold trigram indexes serve it. */
export const foldedLike = (column: string, like: string): Expression<SqlBool> => sql<SqlBool>`caredesk_fold(${sql.ref(column)}) like caredesk_fold(${like})`;

export const findCustomerUser = (db: Db, orgId: number, id: number) =>
  db.selectFrom('customer_users').select(userColumns).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();

export const findCustomerUserByEmail = (db: Db, orgId: number, email: string) =>
  db
    .selectFrom('customer_users')
    .select(userColumns)
    .where('org_id', '=', orgId)
    .where(sql<boolean>`lower(email) = ${email.toLowerCase()}`)
    .executeTakeFirst();

/** The customer user with this email, else the first with this normalized phone. */
export async function findCustomerUserByContact(db: Db, orgId: number, email: string | undefined, phone: string | undefined) {
  if (email) {
    const byEmail = await findCustomerUserByEmail(db, orgId, email);
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

export interface CustomerUserValues {
  name: string;
  email: string | null;
  phone: string | null;
  phone_normalized: string | null;
  language?: string;
  customer_id?: number | null;
  loyalty_id?: string | null;
  is_valid?: boolean;
}

export const insertCustomerUser = (db: Db, orgId: number, input: CustomerUserValues & { created_at: Date; updated_at: Date }) =>
  db.insertInto('customer_users').values({ org_id: orgId, ...input }).returning(userColumns).executeTakeFirstOrThrow();

export const updateCustomerUser = (db: Db, orgId: number, id: number, changes: Partial<CustomerUserValues>, now: Date) =>
  db
    .updateTable('customer_users')
    .set({ ...changes, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returning(userColumns)
    .executeTakeFirst();

/** `like` matches name, email or loyalty id (folded), `phoneLike` the normalized phone; each has a trigram index. */
export function searchCustomerUsers(db: Db, orgId: number, like: string | null, phoneLike: string | null, limit: number, afterId: number | null) {
  let q = db.selectFrom('customer_users').select(userColumns).where('org_id', '=', orgId);
  if (like !== null) {
    q = q.where((eb) =>
      eb.or([foldedLike('name', like), foldedLike('email', like), foldedLike('loyalty_id', like), ...(phoneLike ? [eb('phone_normalized', 'like', phoneLike)] : [])]),
    );
  }
  if (afterId !== null) q = q.where('id', '>', afterId);
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

export function searchCustomers(db: Db, orgId: number, like: string | null, limit: number, afterId: number | null) {
  let q = db.selectFrom('customers').select(customerColumns).where('org_id', '=', orgId);
  if (like !== null) q = q.where((eb) => eb.or([foldedLike('name', like), foldedLike('customer_code', like)]));
  if (afterId !== null) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit + 1).execute();
}
