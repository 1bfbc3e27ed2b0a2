import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statuses, waitingOn } from '../../contract/tickets.ts';
import { awaitsCustomer, sweepDueTimes, type SweepDueTimes, type SweptState } from './due-times.ts';

const now = new Date('2026-05-04T10:00:00.000Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const WEEK = 7 * 24 * 3600;
const none: SweepDueTimes = { auto_close_at: null, reminder_due_at: null };
const open: SweptState & SweepDueTimes = { status: 'open', waiting_on: null, pending_until: null, ...none };
const options = (o: Partial<{ autoCloseAfterSeconds: number; isCustomerActivity: boolean }> = {}) => ({ autoCloseAfterSeconds: WEEK, isCustomerActivity: false, now, ...o });

describe('auto-close time', () => {
  it('runs from entering resolved, or pending on the customer, for the workspace period', () => {
    expect(sweepDueTimes(open, { status: 'resolved', waiting_on: null, pending_until: null }, options()).auto_close_at).toEqual(later(WEEK));
    expect(sweepDueTimes(open, { status: 'pending', waiting_on: 'customer', pending_until: null }, options({ autoCloseAfterSeconds: 5 })).auto_close_at).toEqual(later(5));
  });

  it('is not set while the ticket waits on someone else, is open, or the workspace turned auto-close off', () => {
    for (const after of [
      { status: 'pending', waiting_on: 'third_party', pending_until: null },
      { status: 'pending', waiting_on: 'internal', pending_until: null },
      { status: 'open', waiting_on: null, pending_until: null },
      { status: 'closed', waiting_on: null, pending_until: null },
    ] as const) {
      expect(sweepDueTimes(open, after, options()).auto_close_at, after.status).toBeNull();
    }
    expect(sweepDueTimes(open, { status: 'resolved', waiting_on: null, pending_until: null }, options({ autoCloseAfterSeconds: 0 })).auto_close_at).toBeNull();
  });

  it("starts again with the customer's activity and is kept through anything else", () => {
    const resolved = { status: 'resolved', waiting_on: null, pending_until: null, auto_close_at: later(60), reminder_due_at: null } as const;
    const same = { status: 'resolved', waiting_on: null, pending_until: null } as const;
    expect(sweepDueTimes(resolved, same, options()).auto_close_at).toEqual(later(60));
    expect(sweepDueTimes(resolved, same, options({ isCustomerActivity: true })).auto_close_at).toEqual(later(WEEK));
  });

  it('starts again when a ticket moves from one state waiting on the customer to the other', () => {
    const pending = { status: 'pending', waiting_on: 'customer', pending_until: null, auto_close_at: later(60), reminder_due_at: null } as const;
    expect(sweepDueTimes(pending, { status: 'resolved', waiting_on: null, pending_until: null }, options()).auto_close_at).toEqual(later(WEEK));
  });
});

describe('reminder time', () => {
  const until = later(3600);

  it('is pending_until of a hold that names one, and nothing without one', () => {
    expect(sweepDueTimes(open, { status: 'pending', waiting_on: 'third_party', pending_until: until }, options()).reminder_due_at).toEqual(until);
    expect(sweepDueTimes(open, { status: 'pending', waiting_on: 'third_party', pending_until: null }, options()).reminder_due_at).toBeNull();
  });

  it('stays sent while pending_until stays, is armed again by a new one, and is dropped on leaving pending', () => {
    const reminded = { status: 'pending', waiting_on: 'customer', pending_until: until, auto_close_at: null, reminder_due_at: null } as const;
    expect(sweepDueTimes(reminded, { status: 'pending', waiting_on: 'customer', pending_until: new Date(until) }, options()).reminder_due_at).toBeNull();
    expect(sweepDueTimes(reminded, { status: 'pending', waiting_on: 'customer', pending_until: later(7200) }, options()).reminder_due_at).toEqual(later(7200));
    const armed = { ...reminded, reminder_due_at: until };
    expect(sweepDueTimes(armed, { status: 'open', waiting_on: null, pending_until: null }, options()).reminder_due_at).toBeNull();
  });
});

describe('sweepDueTimes, for any change', () => {
  const instant = fc.option(fc.integer({ min: -WEEK, max: WEEK }).map(later), { nil: null });
  const state = fc.record({ status: fc.constantFrom(...statuses), waiting_on: fc.option(fc.constantFrom(...waitingOn), { nil: null }), pending_until: instant });

  it('sets an auto-close time only where the customer is awaited, and a reminder only on hold', () => {
    fc.assert(
      fc.property(state, instant, instant, state, fc.nat({ max: WEEK }), fc.boolean(), (before, autoCloseAt, reminderDueAt, after, period, isCustomerActivity) => {
        const due = sweepDueTimes({ ...before, auto_close_at: autoCloseAt, reminder_due_at: reminderDueAt }, after, { autoCloseAfterSeconds: period, isCustomerActivity, now });
        if (due.auto_close_at) expect(awaitsCustomer(after) && period > 0).toBe(true);
        if (due.reminder_due_at) expect(after.status === 'pending' && after.pending_until !== null).toBe(true);
        if (isCustomerActivity && awaitsCustomer(after) && period > 0) expect(due.auto_close_at).toEqual(later(period));
      }),
    );
  });
});
