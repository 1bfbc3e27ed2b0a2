import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickLeastLoaded, pickRoundRobin, type LoadedMember } from './assignment.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 9, minute));

describe('round robin', () => {
  it('takes the member after the last one picked, by id, and wraps around', () => {
    expect(pickRoundRobin([7, 3, 5], null)).toBe(3);
    expect(pickRoundRobin([7, 3, 5], 3)).toBe(5);
    expect(pickRoundRobin([7, 3, 5], 7)).toBe(3);
    // The last one picked left the department (or stopped accepting): the next id after theirs.
    expect(pickRoundRobin([7, 3, 5], 4)).toBe(5);
    expect(pickRoundRobin([], 4)).toBeNull();
  });

  it('property: n picks in a row give each of n members exactly one turn, whatever the start', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }), fc.option(fc.integer({ min: 0, max: 1001 }), { nil: null }), (members, start) => {
        let last = start;
        const picked: number[] = [];
        for (let i = 0; i < members.length; i += 1) {
          last = pickRoundRobin(members, last);
          picked.push(last as number);
        }
        expect([...picked].sort((a, b) => a - b)).toEqual([...members].sort((a, b) => a - b));
      }),
    );
  });
});

describe('least loaded', () => {
  it('takes the fewest active tickets; ties to who was picked longest ago (never first), then the lowest id', () => {
    expect(pickLeastLoaded([{ id: 1, activeTickets: 3, lastAssignedAt: null }, { id: 2, activeTickets: 1, lastAssignedAt: at(5) }])).toBe(2);
    expect(pickLeastLoaded([{ id: 1, activeTickets: 1, lastAssignedAt: at(5) }, { id: 2, activeTickets: 1, lastAssignedAt: at(2) }])).toBe(2);
    expect(pickLeastLoaded([{ id: 4, activeTickets: 1, lastAssignedAt: at(2) }, { id: 9, activeTickets: 1, lastAssignedAt: null }])).toBe(9);
    expect(pickLeastLoaded([{ id: 9, activeTickets: 0, lastAssignedAt: null }, { id: 4, activeTickets: 0, lastAssignedAt: null }])).toBe(4);
    expect(pickLeastLoaded([])).toBeNull();
  });

  const member = fc.record({ activeTickets: fc.integer({ min: 0, max: 5 }), lastAssignedAt: fc.option(fc.integer({ min: 0, max: 50 }).map(at), { nil: null }) });
  const members = fc.array(member, { maxLength: 10 }).map((list) => list.map((m, i) => ({ ...m, id: i * 3 + 1 }) as LoadedMember));

  it('property: nobody picked has more active tickets than another member', () => {
    fc.assert(
      fc.property(members, (list) => {
        const id = pickLeastLoaded(list);
        if (list.length === 0) {
          expect(id).toBeNull();
          return;
        }
        const chosen = list.find((m) => m.id === id) as LoadedMember;
        expect(list.every((m) => chosen.activeTickets <= m.activeTickets)).toBe(true);
      }),
    );
  });

  it('property: the pick does not depend on the order members are listed in', () => {
    fc.assert(
      fc.property(members, (list) => {
        expect(pickLeastLoaded([...list].reverse())).toBe(pickLeastLoaded(list));
      }),
    );
  });

  it('property: picking and counting the ticket spreads n tickets over n idle members, one each', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (n) => {
        const list: LoadedMember[] = Array.from({ length: n }, (_, i) => ({ id: i + 1, activeTickets: 0, lastAssignedAt: null }));
        for (let k = 0; k < n; k += 1) {
          const chosen = list.find((m) => m.id === pickLeastLoaded(list)) as LoadedMember;
          chosen.activeTickets += 1;
          chosen.lastAssignedAt = at(k);
        }
        expect(list.every((m) => m.activeTickets === 1)).toBe(true);
      }),
    );
  });
});
