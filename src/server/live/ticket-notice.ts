import { sql, type Expression } from 'kysely';
import { LIVE_CHANNEL } from './live-bus.ts';

/**
 * An SQL expression that announces a change of the ticket to every process's live streams when
 * the transaction commits (NOTIFY is transactional: a rollback announces nothing). Identical
 * notices within one transaction reach the listeners once.
 */
export const ticketNotice = (orgId: number | Expression<number>, ticketId: number | Expression<number>) =>
  sql<string>`pg_notify(${LIVE_CHANNEL}, json_build_object('org', ${orgId}::bigint, 'ticket', ${ticketId}::bigint)::text)`;
