import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../tickets/ticket-events.ts';
import { customerMailFor } from './customer-mail-rules.ts';
import { plannedNotifications, recipients, type Candidate } from './notification-rules.ts';

const created = (after: Record<string, unknown>): DomainEvent => ({ type: 'created', after: { number: '1', status: 'new', ...after } });
const assignee = (agentId: number, isMember = false): Candidate => ({ agentId, isAssignee: true, isMember });
const member = (agentId: number): Candidate => ({ agentId, isAssignee: false, isMember: true });

describe('plannedNotifications', () => {
  it('tells the department of a new ticket and the assignee of a ticket created for them', () => {
    expect(plannedNotifications([created({ department: 'Returns', assignee: null })], 'agent')).toEqual([{ kind: 'new_ticket', audience: 'department' }]);
    expect(plannedNotifications([created({ department: 'Returns', assignee: 'Ana' })], 'integration')).toEqual([
      { kind: 'assigned', audience: 'assignee' },
      { kind: 'new_ticket', audience: 'department' },
    ]);
    expect(plannedNotifications([created({ department: null, assignee: null })], 'agent')).toEqual([]);
  });

  it('tells the new assignee of an assignment, not of an unassignment', () => {
    expect(plannedNotifications([{ type: 'assigned', after: { assignee_id: 4 } }], 'agent')).toEqual([{ kind: 'assigned', audience: 'assignee' }]);
    expect(plannedNotifications([{ type: 'unassigned', after: { assignee_id: null } }], 'agent')).toEqual([]);
  });

  it("tells the owner what the customer did, and nothing of the same moves by staff", () => {
    for (const [type, kind] of [['note_added', 'customer_note'], ['resolved', 'customer_resolved'], ['reopened', 'customer_reopened']] as const) {
      expect(plannedNotifications([{ type }], 'customer')).toEqual([{ kind, audience: 'assignee_or_department' }]);
      expect(plannedNotifications([{ type }], 'agent')).toEqual([]);
      expect(plannedNotifications([{ type }], 'system')).toEqual([]);
    }
    expect(plannedNotifications([{ type: 'updated' }, { type: 'held' }, { type: 'locked' }], 'agent')).toEqual([]);
  });

  it("tells the owner of a pending ticket that its reminder time came", () => {
    expect(plannedNotifications([{ type: 'reminded', after: { pending_until: '2026-05-04T10:00:00.000Z' } }], 'system')).toEqual([
      { kind: 'pending_reminder', audience: 'assignee_or_department' },
    ]);
  });
});

describe('recipients', () => {
  it('reaches the department members of a new ticket but not the agent who created it', () => {
    const planned = [{ kind: 'new_ticket', audience: 'department' }] as const;
    expect(recipients(planned, [member(1), member(2), member(3)], 2)).toEqual([
      { agentId: 1, kind: 'new_ticket' },
      { agentId: 3, kind: 'new_ticket' },
    ]);
  });

  it('tells an assignee who is also a member once, as the assignee', () => {
    const planned = plannedNotifications([created({ department: 'Returns', assignee: 'Ana' })], 'agent');
    expect(recipients(planned, [assignee(5, true), member(6)], 9)).toEqual([
      { agentId: 5, kind: 'assigned' },
      { agentId: 6, kind: 'new_ticket' },
    ]);
  });

  it("sends the customer's activity to the assignee only, or to the department while nobody owns the ticket", () => {
    const planned = [{ kind: 'customer_note', audience: 'assignee_or_department' }] as const;
    expect(recipients(planned, [assignee(5), member(6), member(7)], null)).toEqual([{ agentId: 5, kind: 'customer_note' }]);
    expect(recipients(planned, [member(6), member(7)], null)).toEqual([
      { agentId: 6, kind: 'customer_note' },
      { agentId: 7, kind: 'customer_note' },
    ]);
    expect(recipients(planned, [], null)).toEqual([]);
  });

  it('never tells the actor, never tells anyone twice, and tells only candidates', () => {
    const audience = fc.constantFrom('assignee', 'department', 'assignee_or_department' as const);
    const kind = fc.constantFrom('new_ticket', 'assigned', 'customer_note' as const);
    const candidate = fc.record({ agentId: fc.integer({ min: 1, max: 8 }), isAssignee: fc.boolean(), isMember: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind, audience })),
        fc.uniqueArray(candidate, { selector: (c) => c.agentId }),
        fc.option(fc.integer({ min: 1, max: 8 })),
        (planned, candidates, actor) => {
          const told = recipients(planned, candidates, actor);
          const ids = told.map((t) => t.agentId);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids).not.toContain(actor);
          for (const id of ids) expect(candidates.some((c) => c.agentId === id)).toBe(true);
        },
      ),
    );
  });
});

describe('customerMailFor', () => {
  it('mails the customer each step the care team takes, and the confirmation of their own request', () => {
    expect(customerMailFor([created({})], 'agent')).toBe('ticket_created');
    expect(customerMailFor([created({})], 'customer')).toBe('ticket_created');
    const steps = [['opened', 'ticket_opened'], ['held', 'ticket_held'], ['replied', 'agent_replied'], ['resolved', 'ticket_resolved'], ['closed', 'ticket_closed'], ['reopened', 'ticket_reopened']] as const;
    for (const [type, template] of steps) {
      expect(customerMailFor([{ type }], 'agent')).toBe(template);
      expect(customerMailFor([{ type }], 'system')).toBe(template);
      expect(customerMailFor([{ type }], 'customer')).toBeNull();
    }
  });

  it('says nothing of internal work, of resuming, or of a rejected ticket', () => {
    for (const type of ['updated', 'assigned', 'unassigned', 'locked', 'unlocked', 'note_added', 'resumed']) expect(customerMailFor([{ type }], 'agent'), type).toBeNull();
    expect(customerMailFor([{ type: 'closed', after: { close_reason: 'rejected' } }], 'agent')).toBeNull();
    expect(customerMailFor([{ type: 'closed', after: { close_reason: 'auto' } }], 'system')).toBe('ticket_closed');
    expect(customerMailFor([{ type: 'reminded' }], 'system')).toBeNull();
  });
});
