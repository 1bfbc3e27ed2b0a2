import { describe, expect, it } from 'vitest';
import type { Agent, Department } from '../../../contract/admin.ts';
import { agentStatusLook, agentTicketsPath, departmentNamesOf, linkLifetime } from './agent-status.ts';
import { readTicketFilters } from '../tickets/ticket-filters.ts';

const agent = (overrides: Partial<Agent> = {}): Agent => ({
  id: 4,
  name: 'Sari Wijaya',
  email: 'sari@shop.example',
  role: 'agent',
  is_active: true,
  status: 'active',
  invitation_expires_at: null,
  open_tickets: 0,
  department_ids: [],
  accepting_tickets: true,
  last_sign_in_at: null,
  created_at: '2026-01-01T00:00:00Z',
  ...overrides,
});

const department = (id: number, name: string): Department => ({ id, name, email: null, member_ids: [], assignment_mode: 'manual', created_at: '2026-01-01T00:00:00Z' });

describe('the agents table', () => {
  const now = new Date('2026-03-10T12:00:00Z');

  it('marks an invitation with its expiry, in red once it has passed', () => {
    expect(agentStatusLook(agent({ status: 'invited', invitation_expires_at: '2026-03-15T12:00:00Z' }), now)).toEqual({
      status: 'invited',
      tone: 'amber',
      invitation: { expiresAt: '2026-03-15T12:00:00Z', isExpired: false },
    });
    expect(agentStatusLook(agent({ status: 'invited', invitation_expires_at: '2026-03-09T12:00:00Z' }), now)).toMatchObject({ tone: 'red', invitation: { isExpired: true } });
    expect(agentStatusLook(agent(), now)).toEqual({ status: 'active', tone: 'green', invitation: null });
    expect(agentStatusLook(agent({ status: 'deactivated', is_active: false }), now)).toEqual({ status: 'deactivated', tone: 'neutral', invitation: null });
  });

  it('says a week-long link lives 7 days and a day-long one 24 hours, though answered a moment later', () => {
    expect(linkLifetime('2026-03-17T11:59:58Z', now)).toEqual({ unit: 'day', count: 7 });
    expect(linkLifetime('2026-03-11T12:00:01Z', now)).toEqual({ unit: 'hour', count: 24 });
    expect(linkLifetime('2026-03-10T11:00:00Z', now)).toEqual({ unit: 'hour', count: 0 });
  });

  it('links open tickets to the dashboard in a form its URL reads', () => {
    const path = agentTicketsPath(4);
    expect(path).toBe('/tickets?assignee=4');
    expect(readTicketFilters(new URL(path, 'http://x').searchParams).assignee).toBe(4);
  });

  it('names the departments alphabetically, leaving out ones no longer listed', () => {
    expect(departmentNamesOf(agent({ department_ids: [2, 1, 9] }), [department(1, 'Returns'), department(2, 'Billing')])).toEqual(['Billing', 'Returns']);
  });
});
