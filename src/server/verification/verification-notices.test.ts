import { describe, expect, it } from 'vitest';
import { customerMailFor } from '../notifications/customer-mail-rules.ts';
import { plannedNotifications, recipients, type Candidate } from '../notifications/notification-rules.ts';
import type { DomainEvent } from '../tickets/ticket-events.ts';
import { assertUnverified, needsVerification, refuseWhileUnverified } from './verification-rules.ts';

const created = (after: Record<string, unknown>): DomainEvent => ({ type: 'created', after: { number: '1', status: 'new', assignee: null, ...after } });
const autoAssigned: DomainEvent = { type: 'assigned', actor: { kind: 'system', id: null, name: 'System' }, after: { assignee_id: 5, assignee: 'Ana', auto: 'round_robin' } };
const candidates: Candidate[] = [
  { agentId: 5, isAssignee: true, isMember: true },
  { agentId: 6, isAssignee: false, isMember: true },
];

describe('what a ticket waiting for verification tells', () => {
  it('its creation tells nobody and mails the customer nothing', () => {
    const events = [created({ department: null, requested_department: 'Returns', verification_state: 'unverified' })];
    expect(plannedNotifications(events, 'agent')).toEqual([]);
    expect(customerMailFor(events, 'agent')).toBeNull();
    expect(customerMailFor(events, 'customer')).toBeNull();
  });

  it('verifying it tells the department of a new ticket and mails the customer the confirmation with its number', () => {
    const verified: DomainEvent = { type: 'verified', after: { verification_state: 'verified', department: 'Returns' } };
    expect(plannedNotifications([verified], 'agent')).toEqual([{ kind: 'new_ticket', audience: 'department' }]);
    expect(customerMailFor([verified], 'agent')).toBe('ticket_created');
    expect(plannedNotifications([{ type: 'verified', after: { department: null } }], 'agent')).toEqual([]);
  });

  it('rejecting it mails the customer nothing', () => {
    const events: DomainEvent[] = [{ type: 'closed', after: { close_reason: 'rejected' } }, { type: 'rejected', after: { verification_state: 'rejected' } }];
    expect(customerMailFor(events, 'agent')).toBeNull();
    expect(plannedNotifications(events, 'agent')).toEqual([]);
  });

  it('an automatic assignment that follows the new ticket tells the assignee "assigned" and the other members "new ticket"', () => {
    for (const first of [created({ department: 'Returns' }), { type: 'verified', after: { department: 'Returns' } }]) {
      const planned = plannedNotifications([first, autoAssigned], 'agent');
      expect(recipients(planned, candidates, 9)).toEqual([
        { agentId: 5, kind: 'assigned' },
        { agentId: 6, kind: 'new_ticket' },
      ]);
    }
  });
});

describe('verification rules', () => {
  it('only the listed channels wait for verification', () => {
    expect(needsVerification(['in_store', 'web'], 'web')).toBe(true);
    expect(needsVerification(['in_store'], 'email')).toBe(false);
    expect(needsVerification([], 'in_store')).toBe(false);
  });

  it('work that must wait is refused with 409 while unverified only; verify and reject want an unverified ticket and name the state', () => {
    expect(() => refuseWhileUnverified({ number: '7', verification_state: 'unverified' }, 'reply')).toThrow(/verify the ticket first, then reply/);
    expect(() => refuseWhileUnverified({ number: '7', verification_state: 'verified' }, 'reply')).not.toThrow();
    expect(() => refuseWhileUnverified({ number: '7', verification_state: 'rejected' }, 'reply')).not.toThrow();
    expect(() => assertUnverified({ number: '7', verification_state: 'rejected' }, 'verify')).toThrow(/is rejected; only an unverified ticket can be verified/);
    expect(() => assertUnverified({ number: '7', verification_state: 'unverified' }, 'reject')).not.toThrow();
  });
});
