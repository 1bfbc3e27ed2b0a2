import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { businessCalendar } from '../../contract/calendars.ts';
import type { Status } from '../../contract/tickets.ts';
import { addBusinessTime, businessTimeBetween, isWorkingTime, workingCalendar, type WorkingCalendar } from './business-calendar.ts';
import { freshSlaColumns, matchPolicy, planSla, type EscalationStep, type SlaChange, type SlaColumns, type SlaPolicyRule, type SlaTicket } from './sla-rules.ts';

const minute = 60;
const hour = 3600;
const officeHours = [{ start: '08:00', end: '17:00' }];
const cal = workingCalendar(
  businessCalendar.parse({ name: 'Office', time_zone: 'Europe/Berlin', hours: { mon: officeHours, tue: officeHours, wed: officeHours, thu: officeHours, fri: officeHours } }),
);
const wallClock = workingCalendar(businessCalendar.parse({ name: '24x7', time_zone: 'UTC', always_open: true }));

/** Local wall-clock time in Berlin; 2026-06-01 is a Monday. */
const at = (text: string) => DateTime.fromISO(text, { zone: 'Europe/Berlin' }).toJSDate();

function policy(overrides: Partial<SlaPolicyRule> = {}): SlaPolicyRule {
  return {
    id: 1,
    position: 0,
    is_active: true,
    priorities: null,
    department_ids: null,
    channels: null,
    category_ids: null,
    first_response_seconds: 2 * hour,
    next_response_seconds: null,
    resolution_seconds: 8 * hour,
    warning_percent: null,
    ...overrides,
  };
}

/** A ticket's life as a series of changes, each applied as the server applies it. */
class Life {
  t: SlaTicket;
  readonly rule: SlaPolicyRule | null;
  readonly calendar: WorkingCalendar;
  readonly levels: EscalationStep[];
  constructor(rule: SlaPolicyRule | null, created: Date, calendar = cal, levels: EscalationStep[] = []) {
    this.rule = rule;
    this.calendar = calendar;
    this.levels = levels;
    this.t = { ...freshSlaColumns, status: 'new', created_at: created };
    this.apply({ kind: 'created' }, created);
  }
  apply(change: SlaChange | SlaChange[], now: Date, rule = this.rule): SlaColumns {
    const next = planSla(this.t, change, rule, this.calendar, now, this.levels);
    this.t = { ...this.t, ...next };
    return next;
  }
  move(to: Status, now: Date): SlaColumns {
    const from = this.t.status;
    this.t = { ...this.t, status: to };
    return this.apply({ kind: 'status', from }, now);
  }
}

describe('matching a policy', () => {
  const facts = { priority: 'high', department_id: 7, category_id: 3, channel: 'email' };

  it('picks the first active policy by position whose lists all match; a null list matches anything', () => {
    const policies = [
      policy({ id: 10, position: 2 }),
      policy({ id: 11, position: 1, priorities: ['urgent'] }),
      policy({ id: 12, position: 0, is_active: false }),
      policy({ id: 13, position: 1, priorities: ['high', 'urgent'], channels: ['email'] }),
    ];
    expect(matchPolicy(policies, facts)?.id).toBe(13);
    expect(matchPolicy(policies, { ...facts, priority: 'low' })?.id).toBe(10);
    expect(matchPolicy(policies, { ...facts, priority: 'urgent' })?.id).toBe(11);
  });

  it('matches departments, channels and categories by list; a ticket without a department matches no department list', () => {
    const byDepartment = policy({ id: 20, department_ids: [7, 8] });
    const byCategory = policy({ id: 21, position: 1, category_ids: [4] });
    expect(matchPolicy([byDepartment, byCategory], facts)?.id).toBe(20);
    expect(matchPolicy([byDepartment, byCategory], { ...facts, department_id: null })).toBeNull();
    expect(matchPolicy([byDepartment, byCategory], { ...facts, department_id: null, category_id: 4 })?.id).toBe(21);
    expect(matchPolicy([policy({ channels: ['phone'] })], facts)).toBeNull();
    expect(matchPolicy([], facts)).toBeNull();
  });
});

describe('due times in business time (Mon–Fri 08:00–17:00, Berlin)', () => {
  it('created 08:00 with a 2 h first-response target is due 10:00; escalation_at is the earliest unmet due time', () => {
    const life = new Life(policy(), at('2026-06-01T08:00'));
    expect(life.t.first_response_due_at).toEqual(at('2026-06-01T10:00'));
    expect(life.t.resolution_due_at).toEqual(at('2026-06-01T16:00'));
    expect(life.t.escalation_at).toEqual(at('2026-06-01T10:00'));
    expect(life.t.sla_policy_id).toBe(1);
  });

  it('a ticket created on Friday 16:00 is due Monday 09:00; one created on Saturday counts from Monday 08:00', () => {
    expect(new Life(policy(), at('2026-06-05T16:00')).t.first_response_due_at).toEqual(at('2026-06-08T09:00'));
    expect(new Life(policy(), at('2026-06-06T11:00')).t.first_response_due_at).toEqual(at('2026-06-08T10:00'));
  });

  it('the warning is due at warning_percent of the target, and only while ahead', () => {
    const life = new Life(policy({ warning_percent: 80 }), at('2026-06-01T08:00'));
    expect(life.t.sla_warning_at).toEqual(at('2026-06-01T09:36'));
    // A warning that fell due but was not sent yet stays due through other changes.
    expect(life.apply({ kind: 'recompute' }, at('2026-06-01T09:37')).sla_warning_at).toEqual(at('2026-06-01T09:36'));
    // Once sent, the next one ahead is the resolution's (80% of 8 h = 14:24).
    expect(life.apply({ kind: 'warning_sent' }, at('2026-06-01T09:40')).sla_warning_at).toEqual(at('2026-06-01T14:24'));
    // Answered in time, the first response warns no more; a recompute after the warning instant arms none of the past.
    expect(life.apply({ kind: 'agent_reply' }, at('2026-06-01T09:45')).sla_warning_at).toEqual(at('2026-06-01T14:24'));
    expect(new Life(null, at('2026-06-01T08:00')).apply({ kind: 'recompute' }, at('2026-06-01T15:00'), policy({ warning_percent: 80 })).sla_warning_at).toBeNull();
  });

  it('with no calendar the wall clock counts, day and night', () => {
    const life = new Life(policy(), new Date('2026-06-06T23:00:00Z'), wallClock);
    expect(life.t.first_response_due_at).toEqual(new Date('2026-06-07T01:00:00Z'));
  });

  it('a priority change recomputes: another policy, other targets, counted from creation', () => {
    const life = new Life(policy(), at('2026-06-01T08:00'));
    const urgent = policy({ id: 2, first_response_seconds: 30 * minute, resolution_seconds: 4 * hour });
    const next = life.apply({ kind: 'recompute' }, at('2026-06-01T08:10'), urgent);
    expect(next).toMatchObject({ sla_policy_id: 2, first_response_due_at: at('2026-06-01T08:30'), resolution_due_at: at('2026-06-01T12:00'), escalation_at: at('2026-06-01T08:30') });
  });

  it('a ticket no policy matches keeps its due times; one whose policy stops matching loses them', () => {
    const untouched = planSla({ ...freshSlaColumns, status: 'open', created_at: at('2026-06-01T08:00'), escalation_at: at('2026-06-01T09:00') }, { kind: 'recompute' }, null, cal, at('2026-06-01T10:00'));
    expect(untouched.escalation_at).toEqual(at('2026-06-01T09:00'));
    const life = new Life(policy(), at('2026-06-01T08:00'));
    expect(life.apply({ kind: 'recompute' }, at('2026-06-01T08:10'), null)).toMatchObject({
      sla_policy_id: null, first_response_due_at: null, resolution_due_at: null, escalation_at: null, sla_warning_at: null,
    });
  });
});

describe('pause and resume', () => {
  it('created 08:00 with a 2 h target → due 10:00; on hold 09:00; the customer replies 10:05 → due 11:05', () => {
    const life = new Life(policy({ resolution_seconds: null }), at('2026-06-01T08:00'));
    expect(life.t.first_response_due_at).toEqual(at('2026-06-01T10:00'));
    const held = life.move('pending', at('2026-06-01T09:00'));
    expect(held.sla_paused_at).toEqual(at('2026-06-01T09:00'));
    // Nothing falls due while the clock stands still.
    expect(held.escalation_at).toBeNull();
    // The customer's reply moves the ticket back to open, then counts as their message.
    life.t.status = 'open';
    const resumed = life.apply([{ kind: 'status', from: 'pending' }, { kind: 'customer_message' }], at('2026-06-01T10:05'));
    expect(resumed).toMatchObject({ first_response_due_at: at('2026-06-01T11:05'), escalation_at: at('2026-06-01T11:05'), sla_paused_at: null, sla_paused_seconds: 65 * minute });
  });

  it('a pause over the night counts only the business time it took', () => {
    const life = new Life(policy(), at('2026-06-01T16:00'));
    expect(life.t.first_response_due_at).toEqual(at('2026-06-02T09:00'));
    life.move('pending', at('2026-06-01T16:30'));
    const resumed = life.move('open', at('2026-06-02T08:15'));
    expect(resumed.sla_paused_seconds).toBe(45 * minute);
    expect(resumed.first_response_due_at).toEqual(at('2026-06-02T09:45'));
  });

  it('a due time missed before the hold stays missed while on hold and after it', () => {
    const life = new Life(policy(), at('2026-06-01T08:00'));
    const held = life.move('pending', at('2026-06-01T10:30'));
    expect(held.escalation_at).toEqual(at('2026-06-01T10:00'));
    const resumed = life.move('open', at('2026-06-01T11:30'));
    // Moved on by the hour on hold: still 30 minutes behind.
    expect(resumed.escalation_at).toEqual(at('2026-06-01T11:00'));
  });

  it('a resume moves the due time on by exactly the paused business time (any hold, any resume)', () => {
    const created = at('2026-06-01T08:00').getTime();
    const week = 7 * 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: week }), fc.integer({ min: 0, max: week }), fc.integer({ min: 1, max: 40 * hour }), (holdAfter, holdFor, target) => {
        const life = new Life(policy({ first_response_seconds: target, resolution_seconds: null }), new Date(created));
        const due = life.t.first_response_due_at as Date;
        const hold = new Date(created + holdAfter);
        const resume = new Date(created + holdAfter + holdFor);
        life.move('pending', hold);
        const after = life.move('open', resume);
        const paused = Math.round(businessTimeBetween(cal, hold, resume) / 1000);
        expect(after.first_response_due_at).toEqual(addBusinessTime(cal, due, paused * 1000));
        // Working time from creation to the new due time, less the pause, is the target.
        expect(Math.round(businessTimeBetween(cal, new Date(created), after.first_response_due_at as Date) / 1000) - paused).toBe(target);
        // A due time is never outside working hours (at most at a range's close).
        const dueAt = after.first_response_due_at as Date;
        expect(isWorkingTime(cal, dueAt) || isWorkingTime(cal, new Date(dueAt.getTime() - 1))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('responses and resolution', () => {
  it('the first public agent reply stamps first_responded_at and the time taken and under target', () => {
    const life = new Life(policy(), at('2026-06-01T08:00'));
    const replied = life.apply({ kind: 'agent_reply' }, at('2026-06-01T09:30'));
    expect(replied).toMatchObject({ first_responded_at: at('2026-06-01T09:30'), first_response_seconds_taken: 90 * minute, first_response_seconds_over: -30 * minute });
    // Met: the escalation is now the resolution's due time; the first response keeps its due time for the record.
    expect(replied.escalation_at).toEqual(at('2026-06-01T16:00'));
    expect(replied.first_response_due_at).toEqual(at('2026-06-01T10:00'));
    // A second reply changes nothing of it.
    expect(life.apply({ kind: 'agent_reply' }, at('2026-06-01T11:00')).first_responded_at).toEqual(at('2026-06-01T09:30'));
  });

  it('a late first reply is over target by the business time past due, pauses left out', () => {
    const life = new Life(policy(), at('2026-06-01T16:00'));
    life.move('pending', at('2026-06-01T16:30'));
    life.move('open', at('2026-06-02T09:00'));
    const replied = life.apply({ kind: 'agent_reply' }, at('2026-06-02T11:00'));
    // Ran 16:00–16:30 and 09:00–11:00: 2 h 30 taken against 2 h.
    expect(replied).toMatchObject({ first_response_seconds_taken: 150 * minute, first_response_seconds_over: 30 * minute });
  });

  it('a customer message after the first response starts the next-response clock; the agent’s answer clears it', () => {
    const life = new Life(policy({ next_response_seconds: hour, resolution_seconds: null }), at('2026-06-01T08:00'));
    expect(life.apply({ kind: 'customer_message' }, at('2026-06-01T08:30')).next_response_since).toBeNull();
    life.apply({ kind: 'agent_reply' }, at('2026-06-01T09:00'));
    const asked = life.apply({ kind: 'customer_message' }, at('2026-06-01T12:00'));
    expect(asked).toMatchObject({ next_response_since: at('2026-06-01T12:00'), next_response_due_at: at('2026-06-01T13:00'), escalation_at: at('2026-06-01T13:00') });
    // A second message does not move the clock.
    expect(life.apply({ kind: 'customer_message' }, at('2026-06-01T12:30')).next_response_due_at).toEqual(at('2026-06-01T13:00'));
    expect(life.apply({ kind: 'agent_reply' }, at('2026-06-01T12:45'))).toMatchObject({ next_response_since: null, next_response_due_at: null, escalation_at: null });
  });

  it('resolve stamps the resolution stats and clears escalation_at; a reopen recomputes with the resolved time left out', () => {
    const life = new Life(policy(), at('2026-06-01T08:00'));
    life.apply({ kind: 'agent_reply' }, at('2026-06-01T09:00'));
    const resolved = life.move('resolved', at('2026-06-01T12:00'));
    expect(resolved).toMatchObject({ resolution_seconds_taken: 4 * hour, resolution_seconds_over: -4 * hour, escalation_at: null, sla_warning_at: null, sla_paused_at: at('2026-06-01T12:00') });
    const reopened = life.move('open', at('2026-06-02T09:00'));
    // Resolved from 12:00 to 09:00 the next day: 6 business hours on top of the 8 h target.
    expect(reopened).toMatchObject({ resolution_due_at: at('2026-06-02T13:00'), escalation_at: at('2026-06-02T13:00'), resolution_seconds_taken: null, sla_paused_seconds: 6 * hour });
  });

  it('resolving from pending counts the time up to the hold', () => {
    const life = new Life(policy(), at('2026-06-01T08:00'));
    life.move('pending', at('2026-06-01T10:00'));
    expect(life.move('resolved', at('2026-06-01T15:00'))).toMatchObject({ resolution_seconds_taken: 2 * hour, resolution_seconds_over: -6 * hour });
  });

  it('stats are kept without a policy too (no target: nothing over)', () => {
    const life = new Life(null, at('2026-06-01T08:00'));
    expect(life.apply({ kind: 'agent_reply' }, at('2026-06-01T08:20'))).toMatchObject({ first_response_seconds_taken: 20 * minute, first_response_seconds_over: null, escalation_at: null });
  });
});

describe('escalation levels (level 1 at due + 0, level 2 at due + 1 h, level 3 at due + 3 h, business time)', () => {
  const levels: EscalationStep[] = [
    { level: 1, delay_seconds: 0 },
    { level: 2, delay_seconds: hour },
    { level: 3, delay_seconds: 3 * hour },
  ];
  const created = at('2026-06-01T08:00');
  /** Fires every level due by `now`, as the sweeper would, and answers the levels reached. */
  const sweepUntil = (life: Life, now: Date): number[] => {
    const fired: number[] = [];
    while (life.t.escalation_due_at !== null && life.t.escalation_due_at <= now) {
      const level = life.t.escalation_level + 1;
      life.apply({ kind: 'escalated', level }, life.t.escalation_due_at);
      fired.push(level);
    }
    return fired;
  };

  it('arms level 1 at the escalation time, each next level after its delay, none after the last', () => {
    const life = new Life(policy(), created, cal, levels);
    expect(life.t).toMatchObject({ escalation_at: at('2026-06-01T10:00'), escalation_level: 0, escalation_due_at: at('2026-06-01T10:00') });
    expect(sweepUntil(life, at('2026-06-01T10:59'))).toEqual([1]);
    expect(life.t).toMatchObject({ escalation_level: 1, escalation_due_at: at('2026-06-01T11:00') });
    expect(sweepUntil(life, at('2026-06-01T16:00'))).toEqual([2, 3]);
    expect(life.t).toMatchObject({ escalation_level: 3, escalation_due_at: null });
  });

  it('delays count business time: a level past 17:00 fires the next working morning', () => {
    const late = new Life(policy({ first_response_seconds: 7 * hour }), at('2026-06-01T09:00'), cal, levels);
    expect(late.t.escalation_at).toEqual(at('2026-06-01T16:00'));
    sweepUntil(late, at('2026-06-01T16:00'));
    // Level 2 waits one business hour: 16:00 + 1 h = 17:00, the end of the day.
    expect(late.t.escalation_due_at).toEqual(at('2026-06-01T17:00'));
    sweepUntil(late, at('2026-06-01T17:00'));
    expect(late.t.escalation_due_at).toEqual(at('2026-06-02T10:00'));
  });

  it('an answer in time for what is due next stops escalating: level back to 0, armed for the next due time', () => {
    const life = new Life(policy(), created, cal, levels);
    sweepUntil(life, at('2026-06-01T11:30'));
    expect(life.t.escalation_level).toBe(2);
    const answered = life.apply({ kind: 'agent_reply' }, at('2026-06-01T11:30'));
    // The resolution target (16:00) is what counts now, and it is ahead.
    expect(answered).toMatchObject({ escalation_at: at('2026-06-01T16:00'), escalation_level: 0, escalation_due_at: at('2026-06-01T16:00') });
  });

  it('a resolve stops escalating; a pause holds the level without arming the next; a resume arms it again', () => {
    const resolved = new Life(policy(), created, cal, levels);
    sweepUntil(resolved, at('2026-06-01T10:30'));
    expect(resolved.move('resolved', at('2026-06-01T10:30'))).toMatchObject({ escalation_at: null, escalation_level: 0, escalation_due_at: null });

    const held = new Life(policy(), created, cal, levels);
    sweepUntil(held, at('2026-06-01T10:30'));
    expect(held.move('pending', at('2026-06-01T10:30'))).toMatchObject({ escalation_at: at('2026-06-01T10:00'), escalation_level: 1, escalation_due_at: null });
    // Back at 13:00: the missed first response is still missed; level 2 follows its delay from the escalation time.
    expect(held.move('open', at('2026-06-01T13:00'))).toMatchObject({ escalation_level: 1 });
    expect(held.t.escalation_due_at).not.toBeNull();
  });

  it('a recompute that leaves the ticket overdue (raised priority) keeps the level reached', () => {
    const life = new Life(policy(), created, cal, levels);
    sweepUntil(life, at('2026-06-01T10:30'));
    const urgent = policy({ id: 2, first_response_seconds: hour });
    expect(life.apply({ kind: 'recompute' }, at('2026-06-01T10:30'), urgent)).toMatchObject({ escalation_at: at('2026-06-01T09:00'), escalation_level: 1, escalation_due_at: at('2026-06-01T10:00') });
  });

  it('fires each level once and in order, whenever the sweeps come (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 * 60 }), { minLength: 1, maxLength: 20 }), (gaps) => {
        const life = new Life(policy(), created, cal, levels);
        const fired: number[] = [];
        let now = created.getTime();
        for (const gap of gaps) {
          now += gap * minute * 1000;
          fired.push(...sweepUntil(life, new Date(now)));
        }
        expect(fired).toEqual(fired.map((_, i) => i + 1));
        expect(fired.length).toBeLessThanOrEqual(levels.length);
      }),
    );
  });
});
