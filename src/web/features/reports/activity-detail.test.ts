import { describe, expect, it } from 'vitest';
import type { ActivityRow } from '../../../contract/reports.ts';
import { activityDetail } from './activity-detail.ts';

const row = (overrides: Partial<ActivityRow>): ActivityRow => ({
  id: 1,
  at: '2026-03-27T09:10:00.000Z',
  ticket: { number: '20260001', subject: 'Kettle leaks', status: 'resolved' },
  type: 'resolved',
  actor: { kind: 'agent', id: 4, name: 'Rina Agent' },
  resolved_by: null,
  before: null,
  after: null,
  ...overrides,
});

describe('activity details', () => {
  it('names who resolved: an agent by name, the customer as the customer, with the resolution', () => {
    expect(activityDetail(row({ resolved_by: 'Rina Agent', before: { status: 'open' }, after: { status: 'resolved', resolution: ' New kettle ' } }))).toEqual({
      kind: 'resolvedBy',
      isCustomer: false,
      name: 'Rina Agent',
      resolution: 'New kettle',
    });
    expect(activityDetail(row({ actor: { kind: 'customer', id: 9, name: 'Budi' }, resolved_by: 'Customer', after: { status: 'resolved' } }))).toEqual({
      kind: 'resolvedBy',
      isCustomer: true,
      name: 'Customer',
      resolution: null,
    });
  });

  it('says the status another move led to, and nothing for events that change no status', () => {
    expect(activityDetail(row({ type: 'held', before: { status: 'open' }, after: { status: 'pending', reason: 'Courier' } }))).toEqual({ kind: 'status', from: 'open', to: 'pending' });
    expect(activityDetail(row({ type: 'reopened', before: { status: 'bogus' }, after: { status: 'open' } }))).toEqual({ kind: 'status', from: null, to: 'open' });
    expect(activityDetail(row({ type: 'replied' }))).toEqual({ kind: 'none' });
    expect(activityDetail(row({ type: 'updated', before: { priority: 'low' }, after: { priority: 'high' } }))).toEqual({ kind: 'none' });
    expect(activityDetail(row({ type: 'closed', after: { status: 'bogus' } }))).toEqual({ kind: 'none' });
  });
});
