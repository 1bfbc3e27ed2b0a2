/**
 * A duty of the background sweeper: something that becomes due at a time stored in an indexed
 * column and must happen exactly once (auto-close, pending reminders, SLA warnings, escalation
 * levels). The sweeper runs each duty's claim and actions; the duty only says what is due and what
 * to do.
 *
 * Adding a duty:
 * 1. A migration adds the due column (`timestamptz`, null = nothing due) and a partial index that
 *    leads with it — `create index … on tickets (sla_warning_at) where sla_warning_at is not null`
 *    — not with org_id: the sweeper looks across workspaces, and "nothing due" must be one probe.
 * 2. The code that changes the state the duty watches sets, moves or clears the column in the
 *    same transaction (as tickets/due-times.ts does for auto-close and reminders).
 * 3. A file `<name>.duty.ts` here: `name`, `...ticketsDueBy('<column>')` (add the column to
 *    `DueColumn`; or its own hasDue/claim/postpone for another table, with the same
 *    `where due <= now order by due limit n for update skip locked`), and `act`.
 * 4. One line in duties.ts. Its runs then show in `GET /api/v1/admin/jobs`.
 */
import type { Deps } from '../platform/deps.ts';
import type { TicketWriter } from '../tickets/ticket-writes.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

/** A claimed row: every due row belongs to a workspace and has an id. */
export interface DueRow {
  org_id: number;
  id: number;
}

/** `skipped`: the row turned out not to need the action any more (its due time is cleared all the same). */
export type DutyOutcome = 'done' | 'skipped';

export interface DutyContext {
  deps: Deps;
  /** The run's instant: rows due at or before it are claimed, and what the duty writes is dated by it. */
  now: Date;
  /**
   * Writes the row's ticket and records the change's history and notifications. The sweeper
   * writes a batch's changes together before the batch commits (each change addressed by its
   * ticket's state then), and a row retried on its own at once: an action reads nothing back.
   */
  write: TicketWriter;
}

export interface Duty<Row extends DueRow = DueRow> {
  /** Stable: the key of the duty's job_runs row. */
  readonly name: string;
  /** Whether any row is due: one indexed read, so a sweep that finds nothing writes nothing. */
  hasDue(db: Db, now: Date): Promise<boolean>;
  /** Locks up to `limit` due rows, earliest due first, passing over rows another sweeper holds (FOR UPDATE SKIP LOCKED). */
  claim(trx: Db, now: Date, limit: number): Promise<Row[]>;
  /**
   * Acts on one claimed row inside the claiming transaction and leaves it no longer due at `now`
   * (clears its due time, or moves it past `now`): that the action and the change of the due time
   * commit together is what makes each action happen once. Throwing undoes this row's writes only
   * (the sweeper rolls the batch back and runs it again with a savepoint per row, so `act` may run
   * twice for a row whose batch-mate threw: its only effects must be its writes through `trx`).
   */
  act(trx: Db, row: Row, context: DutyContext): Promise<DutyOutcome>;
  /** After `act` threw: moves the row's due time to `until`, so it is tried again then and the rows behind it go ahead. */
  postpone(trx: Db, row: Row, until: Date): Promise<void>;
}
