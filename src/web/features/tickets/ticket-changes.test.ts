import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../contract/tickets.ts';
import { describeTicketChanges } from './ticket-changes.ts';

const base = {
  status: 'open',
  subject: 'Cracked blender',
  priority: 'medium',
  category: { id: 1, name: 'Damage' },
  department: null,
  assignee: null,
  locked_by: null,
  tags: [],
  order_number: null,
  transaction_ref: null,
  pending_reason: null,
  resolution: null,
  close_reason: null,
} as unknown as Ticket;

describe('describeTicketChanges', () => {
  it('names nothing when nothing an agent sees changed', () => {
    expect(describeTicketChanges(base, { ...base, version: 9 } as Ticket)).toEqual([]);
  });

  it('names each changed field with its value before and after, as keys to translate or the ticket’s own text', () => {
    const after = { ...base, status: 'pending', pending_reason: 'Waiting for photos', priority: 'high', assignee: { id: 3, name: 'Rina' }, tags: ['vip'] } as Ticket;
    expect(describeTicketChanges(base, after)).toEqual([
      { label: 'change.status', before: { key: 'common:status.open' }, after: { key: 'common:status.pending' } },
      { label: 'change.priority', before: { key: 'common:priority.medium' }, after: { key: 'common:priority.high' } },
      { label: 'change.assignee', before: { key: 'change.unassigned' }, after: { text: 'Rina' } },
      { label: 'change.tags', before: { key: 'change.none' }, after: { text: 'vip' } },
      { label: 'change.pendingReason', before: { key: 'change.none' }, after: { text: 'Waiting for photos' } },
    ]);
  });

  it('tells an auto-closed ticket from one closed by hand', () => {
    const closed = { ...base, status: 'closed', close_reason: 'auto' } as Ticket;
    expect(describeTicketChanges(base, closed)[0]).toEqual({ label: 'change.status', before: { key: 'common:status.open' }, after: { key: 'common:status.auto_closed' } });
  });
});
