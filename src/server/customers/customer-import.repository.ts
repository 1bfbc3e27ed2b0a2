import { sql } from 'kysely';
import type { Db } from '../workspaces/workspaces.repository.ts';
import type { CustomerUserValues } from './customers.repository.ts';

/** Keys per `in (…)` list and rows per insert: well under PostgreSQL's 65,535 parameters. */
const CHUNK = 1_000;

const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/** Customers by lower-cased code (the customers_code index). */
export async function findCustomersByCodes(db: Db, orgId: number, codes: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const part of chunks(codes)) {
    const rows = await db
      .selectFrom('customers')
      .select(['id', sql<string>`lower(customer_code)`.as('code')])
      .where('org_id', '=', orgId)
      .where(sql<boolean>`lower(customer_code) in (${sql.join(part)})`)
      .execute();
    for (const r of rows) found.set(r.code, r.id);
  }
  return found;
}

type Holder = { id: number; name: string };

async function findHolders(db: Db, orgId: number, column: 'email' | 'loyalty_id', keys: string[]): Promise<Map<string, Holder>> {
  const found = new Map<string, Holder>();
  for (const part of chunks(keys)) {
    const rows = await db
      .selectFrom('customer_users')
      .select(['id', 'name', sql<string>`lower(${sql.ref(column)})`.as('key')])
      .where('org_id', '=', orgId)
      .where(sql<boolean>`lower(${sql.ref(column)}) in (${sql.join(part)})`)
      .execute();
    for (const r of rows) found.set(r.key, { id: r.id, name: r.name });
  }
  return found;
}

/** Customer users holding any of these emails (lower-cased keys; the customer_users_email index). */
export const findEmailHolders = (db: Db, orgId: number, emails: string[]) => findHolders(db, orgId, 'email', emails);
/** Customer users holding any of these loyalty ids (lower-cased keys; the customer_users_loyalty index). */
export const findLoyaltyHolders = (db: Db, orgId: number, ids: string[]) => findHolders(db, orgId, 'loyalty_id', ids);

export async function insertCustomerUsers(db: Db, orgId: number, rows: CustomerUserValues[], now: Date): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('customer_users')
      .values(part.map((r) => ({ org_id: orgId, ...r, created_at: now, updated_at: now })))
      .execute();
  }
}
