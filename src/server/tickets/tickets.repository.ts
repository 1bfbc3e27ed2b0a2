import { sql, type InsertObject, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import { ticketNotice } from '../live/ticket-notice.ts';
import type { MailProblem } from '../../contract/inbound-mail.ts';
import type { DB, TicketsTable } from '../platform/db/schema.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

/**
 * The ticket as the API shows it. Agent, department and category names come from the cached
 * name book (staff-names.ts): per-row lookups of them cost more than the rest of the query.
 */
const ticketColumns = [
  't.id', 't.seq', 't.number', 't.subject', 't.description', 't.status', 't.priority', 't.priority_rank',
  't.category_id', 't.department_id', 't.assignee_id', 't.reporter_id',
  't.customer_user_id', 'cu.name as customer_user_name', 'cu.email as customer_user_email', 'cu.phone as customer_user_phone',
  'cu.bounced_at as customer_user_bounced_at', 'cu.bounce_reason as customer_user_bounce_reason', 't.inbound_mail_id', 't.mail_unreadable',
  't.customer_id', 't.channel', 't.source', 't.order_number', 't.transaction_ref', 't.review_ref',
  't.review_rating', 't.review_url', 't.order_items', 't.external_id', 't.purchase_store', 't.purchase_amount', 't.purchase_currency', 't.purchased_at',
  't.custom_fields', 't.tags', 't.locked_by', 't.locked_at', 't.pending_reason', 't.waiting_on',
  't.pending_until', 't.resolved_by', 't.resolution', 't.resolution_kind', 't.close_reason', 't.first_response_due_at', 't.next_response_due_at',
  't.resolution_due_at', 't.escalation_at', 't.escalation_level', 't.first_responded_at', 't.verification_state', 't.requested_department_id',
  't.created_at', 't.updated_at', 't.resolved_at', 't.closed_at', 't.version',
] as const;

const baseSelect = (db: Db) =>
  db
    .selectFrom('tickets as t')
    .leftJoin('customer_users as cu', (j) => j.onRef('cu.org_id', '=', 't.org_id').onRef('cu.id', '=', 't.customer_user_id'))
    .select((eb) => [
      eb.selectFrom('customers as cc').select('cc.name').whereRef('cc.org_id', '=', 't.org_id').whereRef('cc.id', '=', 't.customer_id').as('customer_name'),
    ])
    .select(ticketColumns);

// Builders are immutable: parsing the 45 columns once per database, not per request, is safe.
const baseSelects = new WeakMap<Db, ReturnType<typeof baseSelect>>();

export function selectTickets(db: Db, orgId: number) {
  let base = baseSelects.get(db);
  if (!base) {
    base = baseSelect(db);
    baseSelects.set(db, base);
  }
  return base.where('t.org_id', '=', orgId);
}
export type TicketRow = Awaited<ReturnType<ReturnType<typeof selectTickets>['executeTakeFirstOrThrow']>>;

export const findTicketByNumber = (db: Db, orgId: number, number: string) =>
  selectTickets(db, orgId).where('t.number', '=', number).executeTakeFirst();

export const findTicketById = (db: Db, orgId: number, id: number) =>
  selectTickets(db, orgId).where('t.id', '=', id).executeTakeFirst();

/** Reads the ticket's own columns and locks its row until the transaction ends. */
export const findTicketIdByExternalId = (db: Db, orgId: number, channel: string, source: string, externalId: string) =>
  db
    .selectFrom('tickets')
    .select('id')
    .where('org_id', '=', orgId)
    .where('channel', '=', channel)
    .where('source', '=', source)
    .where('external_id', '=', externalId)
    .executeTakeFirst();

export const lockTicketRow = (db: Db, orgId: number, number: string) =>
  db.selectFrom('tickets').selectAll().where('org_id', '=', orgId).where('number', '=', number).forUpdate().executeTakeFirst();
export type LockedTicket = NonNullable<Awaited<ReturnType<typeof lockTicketRow>>>;

/** What the lifecycle, service-level and sweeper rules read of a ticket: all but its long texts and search document. */
export type TicketState = Omit<LockedTicket, 'description' | 'custom_fields' | 'order_items' | 'search' | 'search_keys'>;

// The columns of TicketState; a column added to tickets fails to compile here until it is listed or left out on purpose.
const stateColumns = {
  org_id: 1, id: 1, seq: 1, number: 1, subject: 1, status: 1, priority: 1, priority_rank: 1, category_id: 1, department_id: 1, assignee_id: 1,
  reporter_id: 1, customer_user_id: 1, customer_id: 1, channel: 1, source: 1, order_number: 1, transaction_ref: 1, review_ref: 1, tags: 1,
  locked_by: 1, locked_at: 1, pending_reason: 1, waiting_on: 1, pending_until: 1, resolved_by: 1, resolution: 1, resolution_kind: 1,
  close_reason: 1, first_response_due_at: 1, next_response_due_at: 1, resolution_due_at: 1, escalation_at: 1, escalation_level: 1,
  first_responded_at: 1, sla_policy_id: 1, sla_paused_at: 1, sla_paused_seconds: 1, next_response_since: 1, first_response_seconds_taken: 1,
  first_response_seconds_over: 1, resolution_seconds_taken: 1, resolution_seconds_over: 1, sla_warning_at: 1, verification_state: 1,
  requested_department_id: 1, last_customer_activity_at: 1, auto_close_at: 1, reminder_due_at: 1, escalation_due_at: 1, created_at: 1,
  updated_at: 1, resolved_at: 1, closed_at: 1, version: 1, mail_cc: 1, follow_up_of: 1, review_rating: 1, review_url: 1, external_id: 1,
  purchase_store: 1, purchase_amount: 1, purchase_currency: 1, purchased_at: 1, inbound_mail_id: 1, mail_unreadable: 1,
} satisfies Record<keyof TicketState, 1>;
export const ticketStateColumnNames = Object.keys(stateColumns) as (keyof TicketState)[];

export async function nextTicketSeq(db: Db, orgId: number): Promise<number> {
  const row = await sql<{ seq: number }>`select nextval(${`ticket_seq_${orgId}`}::regclass) as seq`.execute(db);
  return Number(row.rows[0].seq);
}

/**
 * Inserts the ticket and its first history events in one statement and answers the row as
 * `selectTickets` reads it: a create is the busiest write, and round trips are most of its cost.
 */
export function insertTicketWithEvents(
  db: Db,
  values: Insertable<TicketsTable>,
  events: (ticketId: RawBuilder<number>) => InsertObject<DB, 'ticket_events'>[],
): Promise<TicketRow> {
  return db
    .with('t', (q) => q.insertInto('tickets').values(values).returningAll())
    .with('e', (q) => q.insertInto('ticket_events').values(events(sql<number>`(select id from t)`)))
    .selectFrom('t')
    .leftJoin('customer_users as cu', (j) => j.onRef('cu.org_id', '=', 't.org_id').onRef('cu.id', '=', 't.customer_user_id'))
    .select((eb) => [
      eb.selectFrom('customers as cc').select('cc.name').whereRef('cc.org_id', '=', 't.org_id').whereRef('cc.id', '=', 't.customer_id').as('customer_name'),
    ])
    .select(ticketColumns)
    .select(ticketNotice(sql.ref<number>('t.org_id'), sql.ref<number>('t.id'), sql.ref<number | null>('t.customer_user_id')).as('announced'))
    .executeTakeFirstOrThrow();
}

/** Writes changes and bumps the version; the caller holds the row lock. */
export async function updateTicket(db: Db, orgId: number, id: number, changes: Updateable<TicketsTable>, now: Date): Promise<void> {
  await db
    .updateTable('tickets')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Columns of one ticket to set, and how many changes agents see in them (each a new version). */
export interface TicketUpdate {
  orgId: number;
  id: number;
  columns: Updateable<TicketsTable>;
  versions: number;
}

/**
 * Updates many tickets in one statement, each with its own columns, in the order given (the
 * trigger's counter locks follow it). The values travel as one JSON array read as ticket rows,
 * so each column keeps its type: for scalar, timestamp and array columns, not JSON ones.
 */
export async function updateTickets(db: Db, updates: readonly TicketUpdate[], now: Date): Promise<void> {
  const rows = updates.filter((u) => u.versions > 0 || Object.keys(u.columns).length > 0);
  if (rows.length === 0) return;
  const docs = rows.map((u) => ({ ...u.columns, ...(u.versions > 0 ? { updated_at: now, version: u.versions } : {}), org_id: u.orgId, id: u.id }));
  const columns = [...new Set(docs.flatMap((d) => Object.keys(d)))].filter((c) => c !== 'org_id' && c !== 'id' && c !== 'version');
  // A column a row does not name keeps its value (`doc ? column`); version counts up by the row's new versions.
  // The record is read from its JSON once per row (a function in FROM), not once per column.
  const sets = columns.map((c) => sql`${sql.id(c)} = case when e.doc ? ${c} then r.${sql.id(c)} else t.${sql.id(c)} end`);
  sets.push(sql`version = t.version + coalesce(r.version, 0)`);
  await sql`
    update tickets as t set ${sql.join(sets)}
      from jsonb_array_elements(${JSON.stringify(docs)}::jsonb) with ordinality as e(doc, n)
           cross join lateral jsonb_populate_record(null::tickets, e.doc) as r
     where t.org_id = r.org_id and t.id = r.id`.execute(db);
}

export const insertMessage = (
  db: Db,
  values: { org_id: number; ticket_id: number; kind: 'reply' | 'note' | 'system'; visibility: 'public' | 'internal'; author_kind: 'agent' | 'customer' | 'system' | 'integration'; author_id: number | null; author_name: string; body: string; mail_message_id?: string | null; inbound_mail_id?: number | null; mail_unreadable?: MailProblem | null; created_at: Date },
) => db.insertInto('messages').values(values).returningAll().executeTakeFirstOrThrow();

export const listMessages = (db: Db, orgId: number, ticketId: number, afterId: number, limit: number) =>
  db
    .selectFrom('messages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('ticket_id', '=', ticketId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit + 1)
    .execute();

export const listEvents = (db: Db, orgId: number, ticketId: number, afterId: number, limit: number) =>
  db
    .selectFrom('ticket_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('ticket_id', '=', ticketId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit + 1)
    .execute();

export const findTicketId = (db: Db, orgId: number, number: string) =>
  db.selectFrom('tickets').select('id').where('org_id', '=', orgId).where('number', '=', number).executeTakeFirst();
