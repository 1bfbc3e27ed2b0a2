import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Status } from '../../contract/tickets.ts';
import {
  allowedMoves,
  moves,
  planTransition,
  type LifecycleState,
  type Mover,
  type MoverKind,
  type TransitionChanges,
  type TransitionRequest,
} from './lifecycle.ts';

// ---------------------------------------------------------------------------------------------
// The specification, written independently of lifecycle.ts (DESIGN.md §2 "Lifecycle").
// ---------------------------------------------------------------------------------------------

const statuses: Status[] = ['new', 'open', 'pending', 'resolved', 'closed'];
const moverKinds: MoverKind[] = ['agent', 'customer', 'system', 'integration'];
const waitingOns = ['customer', 'third_party', 'internal'] as const;
type WaitingOn = (typeof waitingOns)[number];

/** Allowed moves of DESIGN.md §2 (what an agent may do). */
const designMoves: Record<Status, Status[]> = {
  new: ['open', 'pending', 'resolved', 'closed'],
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

/** Whether this mover may make this move (ignoring the system auto-close of a pending ticket). */
function specPermits(from: Status, to: Status, mover: MoverKind): boolean {
  if (!designMoves[from].includes(to)) return false;
  switch (mover) {
    case 'agent':
      return true;
    case 'customer':
      // Resolve a ticket that is not closed; reopen a resolved one. Never reopen a closed one.
      return (to === 'resolved' && from !== 'closed') || (from === 'resolved' && to === 'open');
    case 'system':
      // Close (auto-close, rejection) and resume a pending ticket.
      return to === 'closed' || (from === 'pending' && to === 'open');
    case 'integration':
      return from !== 'closed';
  }
}

const specAllowed = (from: Status, mover: MoverKind): Status[] => designMoves[from].filter((to) => specPermits(from, to, mover));

const isSpecAutoCloseOfPending = (state: LifecycleState, req: TransitionRequest, mover: MoverKind) =>
  mover === 'system' && state.status === 'pending' && req.to === 'closed' && state.waiting_on === 'customer' && req.close_reason === 'auto';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const NOW = new Date('2026-03-10T12:00:00Z');
const DAY = 24 * 3600 * 1000;
const later = (ms: number, from: Date = NOW) => new Date(from.getTime() + ms);

const moverOf = (kind: MoverKind, agentId = 7): Mover => (kind === 'agent' ? { kind, agentId } : { kind });

const stateOf = (status: Status, waiting_on: WaitingOn | null = status === 'pending' ? 'third_party' : null): LifecycleState => ({
  status,
  waiting_on,
});

/** A request that is well formed for its target, so that only the legality of the move decides. */
function wellFormed(from: Status, to: Status, mover: MoverKind, now: Date = NOW): TransitionRequest {
  switch (to) {
    case 'pending':
      return { to, reason: 'Waiting for the spare part', waiting_on: 'third_party', pending_until: later(DAY, now) };
    case 'closed':
      return { to, close_reason: from === 'new' ? 'rejected' : mover === 'system' ? 'auto' : 'manual' };
    case 'resolved':
      return { to, resolution: 'Refund issued' };
    default:
      return { to };
  }
}

function expectRefused(outcome: ReturnType<typeof planTransition>, kind: 'illegal' | 'invalid') {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) throw new Error('unreachable');
  expect(outcome.kind).toBe(kind);
  expect(outcome.message.length).toBeGreaterThan(0);
  return outcome;
}

function expectAccepted(outcome: ReturnType<typeof planTransition>) {
  if (!outcome.ok) throw new Error(`expected the move to be accepted, got ${outcome.kind}: ${outcome.message}`);
  return outcome;
}

type Row = TransitionChanges;
const freshRow = (): Row => ({
  status: 'new',
  pending_reason: null,
  waiting_on: null,
  pending_until: null,
  resolved_by: null,
  resolution: null,
  resolution_kind: null,
  resolved_at: null,
  close_reason: null,
  closed_at: null,
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Table tests: every (from, to, mover kind)
// ---------------------------------------------------------------------------------------------

describe('the moves table', () => {
  it('lists exactly the moves of DESIGN.md', () => {
    expect(Object.keys(moves).sort()).toEqual([...statuses].sort());
    for (const from of statuses) expect([...moves[from]].sort()).toEqual([...designMoves[from]].sort());
  });

  it('never lists a move back to new or to the same status', () => {
    for (const from of statuses) {
      expect(moves[from]).not.toContain('new');
      expect(moves[from]).not.toContain(from);
    }
  });
});

describe('allowedMoves per mover', () => {
  const cases = statuses.flatMap((from) => moverKinds.map((mover) => ({ from, mover, expected: specAllowed(from, mover) })));
  it.each(cases)('$mover from $from may move to $expected', ({ from, mover, expected }) => {
    expect([...allowedMoves(stateOf(from), mover)].sort()).toEqual([...expected].sort());
  });
});

describe('planTransition for every (from, to, mover)', () => {
  const cases = statuses.flatMap((from) =>
    statuses.flatMap((to) =>
      moverKinds.map((mover) => ({ from, to, mover, permitted: specPermits(from, to, mover), verdict: specPermits(from, to, mover) ? 'accepted' : 'refused as illegal' })),
    ),
  );

  it.each(cases)('$mover moving $from → $to is $verdict', ({ from, to, mover, permitted }) => {
    const state = stateOf(from);
    const outcome = planTransition(state, wellFormed(from, to, mover), moverOf(mover), NOW);
    if (permitted) {
      const ok = expectAccepted(outcome);
      expect(ok.changes.status).toBe(to);
    } else {
      const refused = expectRefused(outcome, 'illegal');
      const allowed = specAllowed(from, mover);
      expect([...refused.allowed].sort()).toEqual([...allowed].sort());
      // The message names the allowed moves (or says there are none).
      if (allowed.length === 0) expect(refused.message).toMatch(/no move is allowed/);
      for (const a of allowed) expect(refused.message).toContain(a);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Movers
// ---------------------------------------------------------------------------------------------

describe('agents', () => {
  it('an agent opening a new ticket is accepted as opened', () => {
    const ok = expectAccepted(planTransition(stateOf('new'), { to: 'open' }, moverOf('agent'), NOW));
    expect(ok.event).toBe('opened');
  });

  it('an agent reopening a closed ticket is accepted as reopened and clears the close and resolution', () => {
    const ok = expectAccepted(planTransition(stateOf('closed'), { to: 'open' }, moverOf('agent'), NOW));
    expect(ok.event).toBe('reopened');
    expect(ok.changes).toMatchObject({ status: 'open', close_reason: null, closed_at: null, resolved_by: null, resolved_at: null, resolution: null, resolution_kind: null });
  });

  it('an agent rejecting a new ticket closes it as rejected', () => {
    const ok = expectAccepted(planTransition(stateOf('new'), { to: 'closed', close_reason: 'rejected' }, moverOf('agent'), NOW));
    expect(ok.event).toBe('closed');
    expect(ok.changes).toMatchObject({ status: 'closed', close_reason: 'rejected', closed_at: NOW });
  });

  it('an agent closing a new ticket without a close_reason closes it as rejected', () => {
    const ok = expectAccepted(planTransition(stateOf('new'), { to: 'closed' }, moverOf('agent'), NOW));
    expect(ok.changes.close_reason).toBe('rejected');
  });

  it('an agent resolving records the agent id as resolved_by and now as resolved_at', () => {
    const ok = expectAccepted(planTransition(stateOf('open'), { to: 'resolved', resolution: 'Replaced', resolution_kind: 'replacement' }, moverOf('agent', 42), NOW));
    expect(ok.event).toBe('resolved');
    expect(ok.changes).toMatchObject({ status: 'resolved', resolved_by: '42', resolved_at: NOW, resolution: 'Replaced', resolution_kind: 'replacement' });
    expect(expectAccepted(planTransition(stateOf('open'), { to: 'resolved' }, moverOf('agent', 42), NOW)).changes.resolution_kind).toBe('other');
  });

  it('an agent closing a resolved ticket without a close_reason closes it as manual', () => {
    const ok = expectAccepted(planTransition(stateOf('resolved'), { to: 'closed' }, moverOf('agent'), NOW));
    expect(ok.changes).toMatchObject({ status: 'closed', close_reason: 'manual', closed_at: NOW });
  });
});

describe('customers', () => {
  it.each(['new', 'open', 'pending'] as const)('a customer resolving a %s ticket is accepted with resolved_by customer', (from) => {
    const ok = expectAccepted(planTransition(stateOf(from), { to: 'resolved' }, moverOf('customer'), NOW));
    expect(ok.changes).toMatchObject({ status: 'resolved', resolved_by: 'customer', resolved_at: NOW });
  });

  it('a customer reopening a resolved ticket is accepted as reopened', () => {
    const ok = expectAccepted(planTransition(stateOf('resolved'), { to: 'open' }, moverOf('customer'), NOW));
    expect(ok.event).toBe('reopened');
    expect(ok.changes).toMatchObject({ resolved_by: null, resolved_at: null });
  });

  it('a customer reopening a closed ticket is refused as illegal', () => {
    const refused = expectRefused(planTransition(stateOf('closed'), { to: 'open' }, moverOf('customer'), NOW), 'illegal');
    expect(refused.allowed).toEqual([]);
    expect(refused.message).toMatch(/customer/);
  });

  it('a customer closing a resolved ticket is refused as illegal', () => {
    expectRefused(planTransition(stateOf('resolved'), { to: 'closed', close_reason: 'manual' }, moverOf('customer'), NOW), 'illegal');
  });

  it('a customer putting a ticket on hold is refused as illegal', () => {
    expectRefused(planTransition(stateOf('open'), wellFormed('open', 'pending', 'customer'), moverOf('customer'), NOW), 'illegal');
  });

  it('a customer resuming a pending ticket is refused as illegal', () => {
    expectRefused(planTransition(stateOf('pending', 'customer'), { to: 'open' }, moverOf('customer'), NOW), 'illegal');
  });
});

describe('the system', () => {
  it('the system auto-closing a resolved ticket is accepted with close_reason auto', () => {
    const ok = expectAccepted(planTransition(stateOf('resolved'), { to: 'closed', close_reason: 'auto' }, moverOf('system'), NOW));
    expect(ok.changes).toMatchObject({ status: 'closed', close_reason: 'auto', closed_at: NOW });
  });

  it('the system resuming a pending ticket is accepted as resumed and clears the hold', () => {
    const ok = expectAccepted(planTransition(stateOf('pending', 'customer'), { to: 'open' }, moverOf('system'), NOW));
    expect(ok.event).toBe('resumed');
    expect(ok.changes).toMatchObject({ status: 'open', pending_reason: null, waiting_on: null, pending_until: null });
  });

  it('the system auto-closing a pending ticket waiting on the customer is accepted and clears the hold', () => {
    const ok = expectAccepted(planTransition(stateOf('pending', 'customer'), { to: 'closed', close_reason: 'auto' }, moverOf('system'), NOW));
    expect(ok.event).toBe('closed');
    expect(ok.changes).toMatchObject({ status: 'closed', close_reason: 'auto', closed_at: NOW, pending_reason: null, waiting_on: null, pending_until: null });
  });

  it.each(['third_party', 'internal', null] as const)('the system auto-closing a pending ticket waiting on %s is refused as illegal', (waiting_on) => {
    expectRefused(planTransition(stateOf('pending', waiting_on), { to: 'closed', close_reason: 'auto' }, moverOf('system'), NOW), 'illegal');
  });

  it.each([undefined, 'manual', 'rejected'] as const)(
    'the system closing a pending ticket waiting on the customer with close_reason %s is refused as illegal',
    (close_reason) => {
      expectRefused(planTransition(stateOf('pending', 'customer'), { to: 'closed', close_reason }, moverOf('system'), NOW), 'illegal');
    },
  );

  it.each(['agent', 'customer', 'integration'] as const)('%s auto-closing a pending ticket waiting on the customer is refused', (mover) => {
    const outcome = planTransition(stateOf('pending', 'customer'), { to: 'closed', close_reason: 'auto' }, moverOf(mover), NOW);
    expect(outcome.ok).toBe(false);
  });

  it('the system resolving an open ticket is refused as illegal', () => {
    expectRefused(planTransition(stateOf('open'), { to: 'resolved' }, moverOf('system'), NOW), 'illegal');
  });

  it('the system reopening a closed ticket is refused as illegal', () => {
    expectRefused(planTransition(stateOf('closed'), { to: 'open' }, moverOf('system'), NOW), 'illegal');
  });
});

describe('integrations', () => {
  it.each(['open', 'resolved'] as const)('an integration moving a closed ticket to %s is refused as illegal', (to) => {
    const refused = expectRefused(planTransition(stateOf('closed'), { to }, moverOf('integration'), NOW), 'illegal');
    expect(refused.allowed).toEqual([]);
    expect(refused.message).toMatch(/integration/);
  });

  it('an integration resolving an open ticket records resolved_by as integration', () => {
    const ok = expectAccepted(planTransition(stateOf('open'), { to: 'resolved' }, moverOf('integration'), NOW));
    expect(ok.changes.resolved_by).toBe('integration');
  });
});

// ---------------------------------------------------------------------------------------------
// Refusals: illegal and invalid
// ---------------------------------------------------------------------------------------------

describe('refusals', () => {
  it.each(statuses)('moving a %s ticket to its own status is refused as illegal naming the allowed moves', (status) => {
    const refused = expectRefused(planTransition(stateOf(status), wellFormed(status, status, 'agent'), moverOf('agent'), NOW), 'illegal');
    expect(refused.message).toContain(status);
    for (const a of designMoves[status]) expect(refused.message).toContain(a);
    expect([...refused.allowed].sort()).toEqual([...designMoves[status]].sort());
  });

  it.each(statuses.filter((s) => s !== 'new'))('moving a %s ticket back to new is refused as illegal', (from) => {
    expectRefused(planTransition(stateOf(from), { to: 'new' }, moverOf('agent'), NOW), 'illegal');
  });

  it('an illegal move names the source, the target and every allowed move', () => {
    const refused = expectRefused(planTransition(stateOf('open'), { to: 'closed', close_reason: 'manual' }, moverOf('agent'), NOW), 'illegal');
    expect(refused.message).toContain('open');
    expect(refused.message).toContain('closed');
    expect(refused.message).toContain('pending');
    expect(refused.message).toContain('resolved');
    expect([...refused.allowed].sort()).toEqual(['pending', 'resolved']);
  });

  it('hold without a reason is refused as invalid', () => {
    expectRefused(planTransition(stateOf('open'), { to: 'pending', waiting_on: 'customer' }, moverOf('agent'), NOW), 'invalid');
  });

  it('hold with an empty reason is refused as invalid', () => {
    expectRefused(planTransition(stateOf('open'), { to: 'pending', reason: '', waiting_on: 'customer' }, moverOf('agent'), NOW), 'invalid');
  });

  it('hold without waiting_on is refused as invalid', () => {
    const refused = expectRefused(planTransition(stateOf('open'), { to: 'pending', reason: 'Parts' }, moverOf('agent'), NOW), 'invalid');
    expect(refused.message).toMatch(/waiting_on/);
  });

  it('hold with pending_until in the past is refused as invalid', () => {
    const refused = expectRefused(
      planTransition(stateOf('open'), { to: 'pending', reason: 'Parts', waiting_on: 'third_party', pending_until: later(-1000) }, moverOf('agent'), NOW),
      'invalid',
    );
    expect(refused.message).toMatch(/pending_until/);
  });

  it('hold with pending_until exactly now is refused as invalid', () => {
    expectRefused(
      planTransition(stateOf('open'), { to: 'pending', reason: 'Parts', waiting_on: 'third_party', pending_until: new Date(NOW) }, moverOf('agent'), NOW),
      'invalid',
    );
  });

  it('hold with a reason, waiting_on and a future pending_until is accepted as held', () => {
    const until = later(DAY);
    const ok = expectAccepted(planTransition(stateOf('new'), { to: 'pending', reason: 'Parts', waiting_on: 'internal', pending_until: until }, moverOf('agent'), NOW));
    expect(ok.event).toBe('held');
    expect(ok.changes).toMatchObject({ status: 'pending', pending_reason: 'Parts', waiting_on: 'internal', pending_until: until });
  });

  it('hold without pending_until is accepted with pending_until null', () => {
    const ok = expectAccepted(planTransition(stateOf('open'), { to: 'pending', reason: 'Parts', waiting_on: 'customer' }, moverOf('agent'), NOW));
    expect(ok.changes.pending_until).toBeNull();
  });

  it.each(['manual', 'auto'] as const)('closing a new ticket as %s is refused as invalid', (close_reason) => {
    for (const mover of ['agent', 'system', 'integration'] as const) {
      expectRefused(planTransition(stateOf('new'), { to: 'closed', close_reason }, moverOf(mover), NOW), 'invalid');
    }
  });

  it.each(['agent', 'integration'] as const)('close_reason auto by %s is refused as invalid', (mover) => {
    const refused = expectRefused(planTransition(stateOf('resolved'), { to: 'closed', close_reason: 'auto' }, moverOf(mover), NOW), 'invalid');
    expect(refused.message).toMatch(/auto/);
  });

  it('an invalid refusal still reports the allowed moves of the mover', () => {
    const refused = expectRefused(planTransition(stateOf('open'), { to: 'pending' }, moverOf('agent'), NOW), 'invalid');
    expect([...refused.allowed].sort()).toEqual(['pending', 'resolved']);
  });
});

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

describe('events', () => {
  it.each([
    ['new', 'open', 'opened'],
    ['pending', 'open', 'resumed'],
    ['resolved', 'open', 'reopened'],
    ['closed', 'open', 'reopened'],
    ['new', 'pending', 'held'],
    ['open', 'pending', 'held'],
    ['new', 'resolved', 'resolved'],
    ['open', 'resolved', 'resolved'],
    ['pending', 'resolved', 'resolved'],
    ['new', 'closed', 'closed'],
    ['resolved', 'closed', 'closed'],
  ] as const)('an agent moving %s → %s records the event %s', (from, to, event) => {
    expect(expectAccepted(planTransition(stateOf(from), wellFormed(from, to, 'agent'), moverOf('agent'), NOW)).event).toBe(event);
  });
});

// ---------------------------------------------------------------------------------------------
// Property-based tests
// ---------------------------------------------------------------------------------------------

const arbMover: fc.Arbitrary<Mover> = fc.oneof(
  fc.integer({ min: 1, max: 1000 }).map((agentId): Mover => ({ kind: 'agent', agentId })),
  fc.constant<Mover>({ kind: 'customer' }),
  fc.constant<Mover>({ kind: 'system' }),
  fc.constant<Mover>({ kind: 'integration' }),
);

/** Any request, well formed or not; offsets are relative to the clock at the step. */
const arbRequest = fc.record(
  {
    // Holds are weighted up: they need three well-formed fields, and pending tickets are where most rules live.
    to: fc.constantFrom<Status>('new', 'open', 'open', 'pending', 'pending', 'pending', 'resolved', 'closed'),
    reason: fc.constantFrom('', 'Waiting for the courier', 'Parts ordered'),
    waiting_on: fc.constantFrom(...waitingOns),
    pendingOffset: fc.integer({ min: -2 * DAY, max: 3 * DAY }),
    resolution: fc.constantFrom('Refund issued', 'Replaced'),
    close_reason: fc.constantFrom('manual', 'auto', 'rejected' as const),
  },
  { requiredKeys: ['to'] },
);
type ArbRequest = typeof arbRequest extends fc.Arbitrary<infer T> ? T : never;

const toRequest = (r: ArbRequest, now: Date): TransitionRequest => {
  const { pendingOffset, ...rest } = r;
  return { ...rest, ...(pendingOffset === undefined ? {} : { pending_until: later(pendingOffset, now) }) } as TransitionRequest;
};

const arbStep = fc.record({ request: arbRequest, mover: arbMover, advance: fc.integer({ min: 0, max: 2 * DAY }) });

function checkInvariants(row: Row) {
  expect(statuses).toContain(row.status);
  if (row.status === 'pending') {
    expect(row.pending_reason).toBeTruthy();
    expect(waitingOns).toContain(row.waiting_on);
  } else {
    expect(row.pending_reason).toBeNull();
    expect(row.waiting_on).toBeNull();
    expect(row.pending_until).toBeNull();
  }
  if (row.status === 'resolved') {
    expect(row.resolved_by).toBeTruthy();
    expect(row.resolved_at).toBeInstanceOf(Date);
  }
  if (row.status === 'closed') {
    expect(['manual', 'auto', 'rejected']).toContain(row.close_reason);
    expect(row.closed_at).toBeInstanceOf(Date);
  } else {
    expect(row.close_reason).toBeNull();
    expect(row.closed_at).toBeNull();
  }
  if (row.status === 'open' || row.status === 'new') {
    expect(row.resolved_by).toBeNull();
    expect(row.resolved_at).toBeNull();
  }
}

describe('properties', () => {
  it('random sequences of moves by random movers keep every lifecycle invariant', () => {
    fc.assert(
      fc.property(fc.array(arbStep, { minLength: 1, maxLength: 40 }), (steps) => {
        let row = freshRow();
        let now = NOW;
        for (const { request: r, mover, advance } of steps) {
          now = later(advance, now);
          const state: LifecycleState = deepFreeze({ status: row.status, waiting_on: row.waiting_on });
          const request = deepFreeze(toRequest(r, now));
          const before = structuredClone(row);
          const outcome = planTransition(state, request, deepFreeze({ ...mover }), now);

          if (outcome.ok) {
            // Accepted moves are in the table (and permitted to this mover), or the system auto-close of a pending ticket.
            const autoClose = isSpecAutoCloseOfPending(state, request, mover.kind);
            expect(autoClose || moves[state.status].includes(request.to)).toBe(true);
            expect(autoClose || allowedMoves(state, mover.kind).includes(request.to)).toBe(true);
            expect(autoClose || specPermits(state.status, request.to, mover.kind)).toBe(true);
            // A customer never moves a closed ticket.
            expect(mover.kind === 'customer' && state.status === 'closed').toBe(false);
            expect(outcome.changes.status).toBe(request.to);
            row = { ...row, ...outcome.changes };
          } else {
            // A refused move changes nothing and reports what this mover may do.
            expect(['illegal', 'invalid']).toContain(outcome.kind);
            expect(outcome.message.length).toBeGreaterThan(0);
            expect([...outcome.allowed].sort()).toEqual([...allowedMoves(state, mover.kind)].sort());
            expect(row).toEqual(before);
          }
          checkInvariants(row);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a well-formed request is accepted exactly when the mover is permitted the move', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...statuses),
        fc.constantFrom(...waitingOns),
        fc.constantFrom(...statuses),
        arbMover,
        (from, waiting, to, mover) => {
          const state = stateOf(from, from === 'pending' ? waiting : null);
          const request = wellFormed(from, to, mover.kind);
          const outcome = planTransition(state, request, mover, NOW);
          const expected = specPermits(from, to, mover.kind) || isSpecAutoCloseOfPending(state, request, mover.kind);
          expect(outcome.ok).toBe(expected);
          if (!outcome.ok) expect(outcome.kind).toBe('illegal');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('an illegal refusal names every move the mover is allowed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom(...waitingOns), arbRequest, arbMover, (from, waiting, r, mover) => {
        const state = stateOf(from, from === 'pending' ? waiting : null);
        const outcome = planTransition(state, toRequest(r, NOW), mover, NOW);
        if (outcome.ok || outcome.kind !== 'illegal') return;
        for (const a of outcome.allowed) expect(outcome.message).toContain(a);
        if (outcome.allowed.length === 0) expect(outcome.message).toMatch(/no move is allowed/);
      }),
      { numRuns: 500 },
    );
  });

  it('a customer never moves a closed ticket, whatever the request', () => {
    fc.assert(
      fc.property(arbRequest, (r) => {
        expect(planTransition(stateOf('closed'), toRequest(r, NOW), { kind: 'customer' }, NOW).ok).toBe(false);
      }),
    );
  });

  it('an integration never moves a closed ticket, whatever the request', () => {
    fc.assert(
      fc.property(arbRequest, (r) => {
        expect(planTransition(stateOf('closed'), toRequest(r, NOW), { kind: 'integration' }, NOW).ok).toBe(false);
      }),
    );
  });

  it('close_reason auto is never accepted from anyone but the system', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom(...waitingOns), arbMover, (from, waiting, mover) => {
        fc.pre(mover.kind !== 'system');
        const state = stateOf(from, from === 'pending' ? waiting : null);
        expect(planTransition(state, { to: 'closed', close_reason: 'auto' }, mover, NOW).ok).toBe(false);
      }),
    );
  });

  it('planning is pure: the same inputs give the same outcome', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom(...waitingOns), arbRequest, arbMover, (from, waiting, r, mover) => {
        const state = stateOf(from, from === 'pending' ? waiting : null);
        const request = toRequest(r, NOW);
        expect(planTransition(state, request, mover, NOW)).toEqual(planTransition(state, request, mover, NOW));
      }),
    );
  });
});
