import type { Db } from '../workspaces/workspaces.repository.ts';

/** One page of customer users after `afterId`, in id order, with their customer's code. */
export const listCustomerUsersForExport = (db: Db, orgId: number, afterId: number, limit: number) =>
  db
    .selectFrom('customer_users as cu')
    .leftJoin('customers as c', (j) => j.onRef('c.org_id', '=', 'cu.org_id').onRef('c.id', '=', 'cu.customer_id'))
    .select(['cu.id', 'cu.name', 'cu.email', 'cu.phone', 'cu.language', 'cu.loyalty_id', 'c.customer_code', 'cu.is_valid'])
    .where('cu.org_id', '=', orgId)
    .where('cu.id', '>', afterId)
    .orderBy('cu.id')
    .limit(limit)
    .execute();
