import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moves } from '../../../contract/lifecycle.ts';
import { statuses } from '../../../contract/tickets.ts';
import { bulkMoves, summarizeBulk, transitionFor } from './dashboard-bulk.ts';

describe('bulk status changes', () => {
  it('offers only the moves allowed from every selected status', () => {
    expect(bulkMoves(['new'])).toEqual(['open', 'pending', 'resolved', 'closed']);
    expect(bulkMoves(['new', 'open'])).toEqual(['pending', 'resolved']);
    expect(bulkMoves(['new', 'resolved'])).toEqual(['open', 'closed']);
    expect(bulkMoves(['open', 'closed'])).toEqual([]);
    expect(bulkMoves([])).toEqual([]);
  });

  it('never offers a move that one of the tickets refuses (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...statuses), { minLength: 1, maxLength: 6 }), (from) => {
        for (const to of bulkMoves(from)) for (const status of from) expect(moves[status]).toContain(to);
      }),
    );
  });

  it('closes a new ticket as rejected and any other by hand, and leaves other moves as asked', () => {
    expect(transitionFor({ status: 'new' }, { to: 'closed' })).toEqual({ to: 'closed', close_reason: 'rejected' });
    expect(transitionFor({ status: 'resolved' }, { to: 'closed' })).toEqual({ to: 'closed', close_reason: 'manual' });
    const hold = { to: 'pending' as const, reason: 'Waiting for photos', waiting_on: 'customer' as const };
    expect(transitionFor({ status: 'open' }, hold)).toBe(hold);
  });

  it('sums up what happened', () => {
    expect(summarizeBulk({ changed: ['1', '2'], failed: [{ number: '3', message: 'changed meanwhile' }] })).toBe('2 changed, 1 failed');
    expect(summarizeBulk({ changed: ['1'], failed: [] })).toBe('1 changed');
  });
});
