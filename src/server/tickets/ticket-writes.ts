import type { Updateable } from 'kysely';
import type { Config } from '../platform/config.ts';
import type { TicketsTable } from '../platform/db/schema.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { recordChanges, type TicketChange } from './ticket-events.ts';
import { updateTicket, updateTickets, type TicketUpdate } from './tickets.repository.ts';

/**
 * How a change writes a ticket its transaction holds locked, and the change's history: at once
 * (a request), or gathered and written with the rest of a sweeper batch's changes — a statement
 * per batch instead of one per ticket. Either way it commits or rolls back with the transaction.
 */
export interface TicketWriter {
  /** Sets columns of the ticket; `newVersion`: agents see a change (version + 1, updated_at). Nothing to set and no new version writes nothing. */
  update(orgId: number, id: number, columns: Updateable<TicketsTable>, newVersion: boolean): Promise<void>;
  /** The change's history events and whom they tell (recordEvents). Call it after `update` of the change. */
  record(change: TicketChange): Promise<void>;
}

export function writeAtOnce(db: Db, config: Config, now: Date): TicketWriter {
  return {
    async update(orgId, id, columns, newVersion) {
      if (newVersion) await updateTicket(db, orgId, id, columns, now);
      else if (Object.keys(columns).length) await updateTickets(db, [{ orgId, id, columns, versions: 0 }], now);
    },
    record: (change) => recordChanges(db, config, [change], now),
  };
}

export interface GatheredWrites extends TicketWriter {
  /** Writes what was gathered: the tickets' columns in one update (in the order first touched), then the events and notifications. */
  flush(db: Db): Promise<void>;
}

/**
 * Writes held until `flush`. Two updates of one ticket merge (the later column wins, each new
 * version counts); the changes are recorded after every update, so each is addressed by its
 * ticket's state at the end of the batch.
 */
export function gatherWrites(config: Config, now: Date): GatheredWrites {
  const updates = new Map<string, TicketUpdate>();
  const changes: TicketChange[] = [];
  return {
    async update(orgId, id, columns, newVersion) {
      const key = `${orgId}:${id}`;
      const held = updates.get(key);
      if (held) Object.assign(held.columns, columns);
      const update = held ?? { orgId, id, columns: { ...columns }, versions: 0 };
      if (newVersion) update.versions += 1;
      updates.set(key, update);
    },
    async record(change) {
      changes.push(change);
    },
    async flush(db) {
      await updateTickets(db, [...updates.values()], now);
      await recordChanges(db, config, changes, now);
      updates.clear();
      changes.length = 0;
    },
  };
}
