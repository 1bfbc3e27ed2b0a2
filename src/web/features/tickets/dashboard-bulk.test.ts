import fc from 'fast-check';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { moves } from '../../../contract/lifecycle.ts';
import { statuses } from '../../../contract/tickets.ts';
import { resources } from '../../i18n/resources.ts';
import { bulkMoveLabel, bulkMoves, summarizeBulk, transitionFor } from './dashboard-bulk.ts';

const i18n = i18next.createInstance();
void i18n.init({ resources, lng: 'en', fallbackLng: 'en', defaultNS: 'common', initAsync: false });
const en = i18n.getFixedT<['dashboard', 'common']>('en', ['dashboard', 'common']);
const id = i18n.getFixedT<['dashboard', 'common']>('id', ['dashboard', 'common']);

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

  it('sums up what happened, in the language shown', () => {
    const mixed = { changed: ['1', '2'], failed: [{ number: '3', message: 'changed meanwhile' }] };
    expect(summarizeBulk(mixed, en)).toBe('2 changed, 1 failed');
    expect(summarizeBulk({ changed: ['1'], failed: [] }, en)).toBe('1 changed');
    expect(summarizeBulk(mixed, id)).toBe('2 diubah, 1 gagal');
    expect(summarizeBulk({ changed: Array.from({ length: 1200 }, String), failed: [] }, id)).toBe('1.200 diubah');
  });

  it('names each move as a command that fits tickets of several statuses', () => {
    expect(statuses.map((s) => bulkMoveLabel(s, en))).toEqual(['New', 'Open', 'On hold', 'Resolve', 'Close']);
    expect(statuses.map((s) => bulkMoveLabel(s, id))).toEqual(['Baru', 'Buka', 'Tunda', 'Selesaikan', 'Tutup']);
  });

  it('counts tickets with the plural of each language', () => {
    expect([1, 2].map((count) => en('bulk.holdTitle', { count }))).toEqual(['Put 1 ticket on hold', 'Put 2 tickets on hold']);
    expect([1, 2].map((count) => id('bulk.resolveTitle', { count }))).toEqual(['Selesaikan 1 tiket', 'Selesaikan 2 tiket']);
  });
});
