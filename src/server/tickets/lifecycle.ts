import { moves } from '../../contract/lifecycle.ts';
import type { Status } from '../../contract/tickets.ts';

export { moves };

export type MoverKind = 'agent' | 'customer' | 'system' | 'integration';

export interface LifecycleState {
  status: Status;
  waiting_on: 'customer' | 'third_party' | 'internal' | null;
}

export interface TransitionRequest {
  to: Status;
  reason?: string;
  waiting_on?: 'customer' | 'third_party' | 'internal';
  pending_until?: Date;
  resolution?: string;
  resolution_kind?: 'collect' | 'refund' | 'replacement' | 'explained' | 'other';
  close_reason?: 'manual' | 'auto' | 'rejected';
}

export interface Mover {
  kind: MoverKind;
  /** Agent id for agents; recorded as `resolved_by`. */
  agentId?: number | null;
}

/** Column values a transition writes; every lifecycle column is set, so nothing stale survives. */
export interface TransitionChanges {
  status: Status;
  pending_reason: string | null;
  waiting_on: 'customer' | 'third_party' | 'internal' | null;
  pending_until: Date | null;
  resolved_by: string | null;
  resolution: string | null;
  resolution_kind: 'collect' | 'refund' | 'replacement' | 'explained' | 'other' | null;
  resolved_at: Date | null;
  close_reason: 'manual' | 'auto' | 'rejected' | null;
  closed_at: Date | null;
}

export type TransitionEvent = 'opened' | 'held' | 'resumed' | 'resolved' | 'reopened' | 'closed';

export type TransitionOutcome =
  | { ok: true; event: TransitionEvent; changes: Partial<TransitionChanges> & { status: Status } }
  | { ok: false; kind: 'illegal' | 'invalid'; message: string; allowed: Status[] };

/** The moves this mover may make from a state (the customer and the system have fewer). */
export function allowedMoves(state: LifecycleState, mover: MoverKind): Status[] {
  return moves[state.status].filter((to) => isPermitted(state, to, mover));
}

function isPermitted(state: LifecycleState, to: Status, mover: MoverKind): boolean {
  const from = state.status;
  switch (mover) {
    case 'customer':
      // The customer resolves their own ticket and reopens a resolved one, nothing else.
      return (to === 'resolved' && from !== 'closed') || (from === 'resolved' && to === 'open');
    case 'system':
      return to === 'closed' || (from === 'pending' && to === 'open');
    case 'integration':
      return from !== 'closed';
    case 'agent':
      return true;
  }
}

function refuse(kind: 'illegal' | 'invalid', message: string, state: LifecycleState, mover: MoverKind): TransitionOutcome {
  return { ok: false, kind, message, allowed: allowedMoves(state, mover) };
}

function describeAllowed(state: LifecycleState, mover: MoverKind): string {
  const allowed = allowedMoves(state, mover);
  return allowed.length ? `allowed from ${state.status}: ${allowed.join(', ')}` : `no move is allowed from ${state.status}`;
}

const leavePending = { pending_reason: null, waiting_on: null, pending_until: null } as const;
const unresolve = { resolved_by: null, resolution: null, resolution_kind: null, resolved_at: null } as const;
const unclose = { close_reason: null, closed_at: null } as const;

/** Decides whether a move is allowed and what it writes. Pure: no clock but `now`, no I/O. */
export function planTransition(state: LifecycleState, request: TransitionRequest, mover: Mover, now: Date): TransitionOutcome {
  const { to } = request;
  const from = state.status;
  // Auto-close takes a pending ticket that waits on the customer straight to closed.
  const isAutoCloseOfPending = mover.kind === 'system' && from === 'pending' && to === 'closed' && state.waiting_on === 'customer' && request.close_reason === 'auto';
  if (from === to) return refuse('illegal', `The ticket is already ${from}; ${describeAllowed(state, mover.kind)}`, state, mover.kind);
  if (!isAutoCloseOfPending && (!moves[from].includes(to) || !isPermitted(state, to, mover.kind))) {
    const who = mover.kind === 'agent' ? '' : ` by ${mover.kind === 'integration' ? 'an integration' : `the ${mover.kind}`}`;
    return refuse('illegal', `Cannot move a ${from} ticket to ${to}${who}; ${describeAllowed(state, mover.kind)}`, state, mover.kind);
  }

  switch (to) {
    case 'pending': {
      if (!request.reason) return refuse('invalid', 'Putting a ticket on hold needs a reason', state, mover.kind);
      if (!request.waiting_on) return refuse('invalid', 'Putting a ticket on hold needs waiting_on: customer, third_party or internal', state, mover.kind);
      if (request.pending_until && request.pending_until.getTime() <= now.getTime()) {
        return refuse('invalid', 'pending_until must be in the future', state, mover.kind);
      }
      return {
        ok: true,
        event: 'held',
        changes: { status: 'pending', pending_reason: request.reason, waiting_on: request.waiting_on, pending_until: request.pending_until ?? null },
      };
    }
    case 'open': {
      const event: TransitionEvent = from === 'new' ? 'opened' : from === 'pending' ? 'resumed' : 'reopened';
      return { ok: true, event, changes: { status: 'open', ...leavePending, ...unresolve, ...unclose } };
    }
    case 'resolved': {
      const resolvedBy = mover.kind === 'customer' ? 'customer' : mover.kind === 'agent' ? String(mover.agentId) : mover.kind;
      return {
        ok: true,
        event: 'resolved',
        changes: { status: 'resolved', ...leavePending, resolved_by: resolvedBy, resolution: request.resolution ?? null, resolution_kind: request.resolution_kind ?? 'other', resolved_at: now },
      };
    }
    case 'closed': {
      const reason = request.close_reason ?? (from === 'new' ? 'rejected' : mover.kind === 'system' ? 'auto' : 'manual');
      if (from === 'new' && reason !== 'rejected') {
        return refuse('invalid', 'A new ticket can only be closed as rejected (close_reason: rejected)', state, mover.kind);
      }
      if (reason === 'auto' && mover.kind !== 'system') {
        return refuse('invalid', 'close_reason auto is set by the system only', state, mover.kind);
      }
      return {
        ok: true,
        event: 'closed',
        changes: { status: 'closed', ...leavePending, close_reason: reason, closed_at: now, ...(request.resolution ? { resolution: request.resolution } : {}) },
      };
    }
    case 'new':
      return refuse('illegal', `A ticket never goes back to new; ${describeAllowed(state, mover.kind)}`, state, mover.kind);
  }
}
