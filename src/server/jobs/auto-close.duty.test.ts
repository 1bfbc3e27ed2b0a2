import { describe, expect, it } from 'vitest';
import { inCounterOrder } from './auto-close.duty.ts';
import type { DueTicket } from './due-tickets.repository.ts';

const row = (id: number, channel: DueTicket['channel'], source: string, status: DueTicket['status']) => ({ id, channel, source, status });

describe('auto-close acts on a batch in status-counter order', () => {
  it('orders by channel, source, then status (pending before resolved), keeping due order among equals', () => {
    const rows = [row(1, 'web', '', 'resolved'), row(2, 'email', '', 'resolved'), row(3, 'web', '', 'pending'), row(4, 'marketplace', 'ebay', 'resolved'), row(5, 'marketplace', 'amazon', 'resolved'), row(6, 'email', '', 'resolved')];
    expect(inCounterOrder(rows).map((r) => r.id)).toEqual([2, 6, 5, 4, 3, 1]);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]); // the claim's own list is left as it was
  });
});
