import { sql, type Expression } from 'kysely';
import { LIVE_CHANNEL } from './live-bus.ts';

/**
 * An SQL expression that announces a change of the ticket to every process's live streams when
 * the transaction commits (NOTIFY is transactional: a rollback announces nothing). Identical
 * notices within one transaction reach the listeners once. The ticket's customer user rides along,
 * so the portal streams only that customer's changes.
 */
export const ticketNotice = (orgId: number | Expression<number>, ticketId: number | Expression<number>, customerUserId?: Expression<number | null>) =>
  sql<string>`pg_notify(${LIVE_CHANNEL}, json_build_object('org', ${orgId}::bigint, 'ticket', ${ticketId}::bigint, 'customer', ${
    customerUserId ?? sql`(select customer_user_id from tickets where org_id = ${orgId}::bigint and id = ${ticketId}::bigint)`
  })::text)`;
