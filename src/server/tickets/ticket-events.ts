import { sql } from 'kysely';
import { ticketNotice } from '../live/ticket-notice.ts';
import { notifyChanges, type TicketChange } from '../notifications/notify-change.ts';
import type { Config } from '../platform/config.ts';
import type { TicketActor } from '../platform/actor.ts';
import type { ActorKind, EventMeasures } from '../platform/db/schema.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

/** A change to a ticket as the history shows it. Services return these; one writer stores them. */
export interface DomainEvent {
  type: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Who made this one change, when not who made the rest (the system's automatic assignment of an agent's new ticket). */
  actor?: EventActor;
  /** Figures reports read (a first response's or a resolution's time), kept beside the event and out of the history shown. */
  measures?: EventMeasures;
}

export interface EventActor {
  kind: ActorKind;
  id: number | null;
  name: string;
}

export function eventActorOf(actor: TicketActor): EventActor {
  switch (actor.kind) {
    case 'agent':
      return { kind: 'agent', id: actor.agentId, name: actor.name };
    case 'integration':
      return { kind: 'integration', id: actor.apiKeyId, name: actor.name };
    case 'customer':
      return { kind: 'customer', id: actor.customerUserId, name: actor.name };
    case 'system':
      return { kind: 'system', id: null, name: actor.name };
  }
}

const toJson = (v: Record<string, unknown> | null | undefined) => (v ? JSON.stringify(v) : null);

/** The rows that store the events; `ticketId` may be an SQL expression (a ticket being inserted). */
export function eventRows<T>(orgId: number, ticketId: T, actor: EventActor, events: readonly DomainEvent[], now: Date) {
  return events.map((e) => ({
    org_id: orgId,
    ticket_id: ticketId,
    type: e.type,
    actor_kind: (e.actor ?? actor).kind,
    actor_id: (e.actor ?? actor).id,
    actor_name: (e.actor ?? actor).name,
    before: toJson(e.before),
    after: toJson(e.after),
    measures: e.measures ? JSON.stringify(e.measures) : null,
    created_at: now,
  }));
}

export type { TicketChange } from '../notifications/notify-change.ts';

/**
 * Writes the events in the caller's transaction, so history never disagrees with the ticket,
 * tells everyone they concern (agents, the department, the customer), and announces the change to live streams when (and only if)
 * that transaction commits. Call it after the ticket row holds its new state.
 */
export const recordEvents = (db: Db, config: Config, orgId: number, ticketId: number, actor: EventActor, events: DomainEvent[], now: Date): Promise<void> =>
  recordChanges(db, config, [{ orgId, ticketId, actor, events }], now);

/** `recordEvents` for the changes of many tickets (a sweeper's batch): one insert of the events, and their notifications at once. */
export async function recordChanges(db: Db, config: Config, changes: readonly TicketChange[], now: Date): Promise<void> {
  const rows = changes.flatMap((c) => eventRows(c.orgId, c.ticketId, c.actor, c.events, now));
  if (rows.length === 0) return;
  await db
    .insertInto('ticket_events')
    .values(rows)
    .returning(ticketNotice(sql.ref<number>('ticket_events.org_id'), sql.ref<number>('ticket_events.ticket_id')).as('announced'))
    .execute();
  await notifyChanges(db, config, changes, now);
}
