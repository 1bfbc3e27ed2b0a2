import type { Status } from '../../contract/tickets.ts';
import { addBusinessTime, businessTimeBetween, type WorkingCalendar } from './business-calendar.ts';

// The SLA rules, pure: which policy applies to a ticket, and what its SLA columns become after a
// change. Time is counted in a calendar's business time; the caller picks the calendar.
//
// The clock runs while a ticket is new or open. Pending pauses it; resolved and closed stop it
// the same way, so a reopen resumes where it stood. A resume moves every unmet due time on by
// the business time of the pause: each due time is its start plus its target plus the paused
// time, so a recompute (another priority, another policy) gives the same instants as the moves.

/** A policy as the rules see it: match lists (null = any) and targets in business seconds. */
export interface SlaPolicyRule {
  id: number;
  /** Policies are tried by position (then id); inactive ones never match. */
  position: number;
  is_active: boolean;
  priorities: readonly string[] | null;
  department_ids: readonly number[] | null;
  channels: readonly string[] | null;
  category_ids: readonly number[] | null;
  first_response_seconds: number | null;
  next_response_seconds: number | null;
  resolution_seconds: number | null;
  warning_percent: number | null;
}

/** A department's escalation level as the rules see it (its actions are the escalation duty's). */
export interface EscalationStep {
  level: number;
  delay_seconds: number;
}

/** What policies match on. */
export interface SlaFacts {
  priority: string;
  department_id: number | null;
  category_id: number | null;
  channel: string;
}

/** The SLA columns of a ticket. */
export interface SlaColumns {
  sla_policy_id: number | null;
  first_response_due_at: Date | null;
  next_response_due_at: Date | null;
  resolution_due_at: Date | null;
  escalation_at: Date | null;
  sla_warning_at: Date | null;
  sla_paused_at: Date | null;
  sla_paused_seconds: number;
  next_response_since: Date | null;
  first_responded_at: Date | null;
  first_response_seconds_taken: number | null;
  first_response_seconds_over: number | null;
  resolution_seconds_taken: number | null;
  resolution_seconds_over: number | null;
  /** Levels reached since the escalation time passed; 0 while nothing is overdue. */
  escalation_level: number;
  /** When the next level fires: the escalation time plus its delay, while the clock runs. */
  escalation_due_at: Date | null;
}

export interface SlaTicket extends SlaColumns {
  status: Status;
  created_at: Date;
}

/**
 * What happened to the ticket; `ticket.status` is already the status after it.
 * - created: the ticket is new.
 * - recompute: a matched field (priority, department, category, channel) changed.
 * - status: a lifecycle move from `from`.
 * - agent_reply: a public reply of an agent (the first one is the first response).
 * - customer_message: the customer wrote (after any move it caused).
 * - warning_sent: the sweeper sent the warning due at `sla_warning_at`; the next one is armed.
 * - escalated: the sweeper fired escalation level `level`; the next level is armed.
 */
export type SlaChange =
  | { kind: 'created' }
  | { kind: 'recompute' }
  | { kind: 'status'; from: Status }
  | { kind: 'agent_reply' }
  | { kind: 'customer_message' }
  | { kind: 'warning_sent' }
  | { kind: 'escalated'; level: number };

export const freshSlaColumns: SlaColumns = {
  sla_policy_id: null,
  first_response_due_at: null,
  next_response_due_at: null,
  resolution_due_at: null,
  escalation_at: null,
  sla_warning_at: null,
  sla_paused_at: null,
  sla_paused_seconds: 0,
  next_response_since: null,
  first_responded_at: null,
  first_response_seconds_taken: null,
  first_response_seconds_over: null,
  resolution_seconds_taken: null,
  resolution_seconds_over: null,
  escalation_level: 0,
  escalation_due_at: null,
};

const secondMs = 1000;

/** Whether the SLA clock runs in this status. */
export const isClockRunning = (status: Status): boolean => status === 'new' || status === 'open';

const listMatches = <T>(list: readonly T[] | null, value: T | null): boolean => list === null || (value !== null && list.includes(value));

/** The first active policy by position whose every list matches the ticket; null when none does. */
export function matchPolicy<P extends SlaPolicyRule>(policies: readonly P[], ticket: SlaFacts): P | null {
  const ordered = [...policies].sort((a, b) => a.position - b.position || a.id - b.id);
  return (
    ordered.find(
      (p) =>
        p.is_active &&
        listMatches(p.priorities, ticket.priority) &&
        listMatches(p.department_ids, ticket.department_id) &&
        listMatches(p.channels, ticket.channel) &&
        listMatches(p.category_ids, ticket.category_id),
    ) ?? null
  );
}

const seconds = (ms: number): number => Math.round(ms / secondMs);

/** Business seconds the clock has run since creation: up to the pause if paused, pauses left out. */
export function activeSeconds(ticket: SlaTicket, cal: WorkingCalendar, now: Date): number {
  const until = ticket.sla_paused_at ?? now;
  return Math.max(0, seconds(businessTimeBetween(cal, ticket.created_at, until)) - ticket.sla_paused_seconds);
}

/** One unmet due time and its warning instant. */
interface Clock {
  due: Date;
  warning: Date | null;
}

/**
 * A target counted from `start` with `shiftSeconds` of pauses: its due time and its warning.
 * None when the calendar has no working time within reach (its holidays cover years ahead).
 */
function clockOf(cal: WorkingCalendar, start: Date, targetSeconds: number, shiftSeconds: number, warningPercent: number | null): Clock | null {
  try {
    const due = addBusinessTime(cal, start, (targetSeconds + shiftSeconds) * secondMs);
    const warnAfter = warningPercent === null ? null : Math.floor((targetSeconds * warningPercent) / 100);
    const warning = warnAfter === null ? null : addBusinessTime(cal, start, (warnAfter + shiftSeconds) * secondMs);
    return { due, warning };
  } catch {
    return null;
  }
}

const earliest = (dates: Array<Date | null>): Date | null =>
  dates.reduce<Date | null>((min, d) => (d !== null && (min === null || d.getTime() < min.getTime()) ? d : min), null);

/** Pause and resume bookkeeping of a lifecycle move, and the resolution stats of a resolve. */
function moveClock(t: SlaTicket, from: Status, policy: SlaPolicyRule | null, cal: WorkingCalendar, now: Date): void {
  const wasRunning = isClockRunning(from);
  const running = isClockRunning(t.status);
  if (!running && (wasRunning || t.sla_paused_at === null)) t.sla_paused_at = now;
  if (!wasRunning && running && t.sla_paused_at !== null) {
    const paused = seconds(businessTimeBetween(cal, t.sla_paused_at, now));
    t.sla_paused_seconds += paused;
    if (t.next_response_since !== null) t.next_response_since = addBusinessTime(cal, t.next_response_since, paused * secondMs);
    t.sla_paused_at = null;
  }
  if (t.status === 'resolved' || t.status === 'closed') {
    // Resolving answers whatever the customer wrote last.
    t.next_response_since = null;
    t.next_response_due_at = null;
  }
  if (t.status === 'resolved') {
    t.resolution_seconds_taken = activeSeconds(t, cal, now);
    t.resolution_seconds_over = policy?.resolution_seconds == null ? null : t.resolution_seconds_taken - policy.resolution_seconds;
  }
  if ((from === 'resolved' || from === 'closed') && running) {
    // Reopened: not resolved any more, until the next resolve stamps these again.
    t.resolution_seconds_taken = null;
    t.resolution_seconds_over = null;
  }
}

/**
 * The SLA columns after a change. With a policy, the unmet due times are computed from their
 * starts (creation, or the customer's unanswered message) plus pauses; `escalation_at` is the
 * earliest of them while the clock runs, only an already missed one while it is paused, none
 * once resolved or closed. A ticket that no policy matches keeps the due times it has unless a
 * policy had set them (then they are cleared); its pauses and stats are kept all the same.
 * Several changes (a customer's note that reopens the ticket) apply in order, with the status
 * already the one after all of them.
 */
export function planSla(
  ticket: SlaTicket,
  changes: SlaChange | readonly SlaChange[],
  policy: SlaPolicyRule | null,
  cal: WorkingCalendar,
  now: Date,
  levels: readonly EscalationStep[] = [],
): SlaColumns {
  const t: SlaTicket = { ...ticket };
  const list = Array.isArray(changes) ? changes : [changes as SlaChange];
  if (!list.some((c) => c.kind === 'status')) {
    // A move made without the SLA hearing of it (or before SLAs existed) is caught up now.
    if (!isClockRunning(t.status) && t.sla_paused_at === null) t.sla_paused_at = now;
    if (isClockRunning(t.status) && t.sla_paused_at !== null) moveClock(t, 'pending', policy, cal, now);
  }
  for (const change of list) applyChange(t, change, policy, cal, now);
  const unsentWarning = list.some((c) => c.kind === 'warning_sent') ? null : ticket.sla_warning_at;
  const due = dueTimes(t, unsentWarning, policy, cal, now);
  return { ...pick(t), ...due, ...escalationOf(t, due.escalation_at, levels, cal, now) };
}

function applyChange(t: SlaTicket, change: SlaChange, policy: SlaPolicyRule | null, cal: WorkingCalendar, now: Date): void {
  switch (change.kind) {
    case 'status':
      moveClock(t, change.from, policy, cal, now);
      break;
    case 'agent_reply':
      if (t.first_responded_at === null) {
        t.first_responded_at = now;
        t.first_response_seconds_taken = activeSeconds(t, cal, now);
        t.first_response_seconds_over = policy?.first_response_seconds == null ? null : t.first_response_seconds_taken - policy.first_response_seconds;
      }
      t.next_response_since = null;
      t.next_response_due_at = null;
      break;
    case 'customer_message':
      // Before the first response the first-response clock covers the customer; later, the
      // first unanswered message starts the next-response clock and further ones do not move it.
      if (isClockRunning(t.status) && t.first_responded_at !== null && t.next_response_since === null) t.next_response_since = now;
      break;
    case 'escalated':
      t.escalation_level = change.level;
      break;
    case 'created':
    case 'recompute':
    case 'warning_sent':
      break;
  }
}

type DueColumns = Pick<SlaColumns, 'sla_policy_id' | 'first_response_due_at' | 'next_response_due_at' | 'resolution_due_at' | 'escalation_at' | 'sla_warning_at'>;

function dueTimes(t: SlaTicket, previousWarning: Date | null, policy: SlaPolicyRule | null, cal: WorkingCalendar, now: Date): DueColumns {
  const kept: DueColumns = {
    sla_policy_id: t.sla_policy_id,
    first_response_due_at: t.first_response_due_at,
    next_response_due_at: t.next_response_due_at,
    resolution_due_at: t.resolution_due_at,
    escalation_at: t.escalation_at,
    sla_warning_at: t.sla_warning_at,
  };
  if (policy === null) {
    if (t.sla_policy_id === null) return kept;
    return { sla_policy_id: null, first_response_due_at: null, next_response_due_at: null, resolution_due_at: null, escalation_at: null, sla_warning_at: null };
  }
  // Resolved and closed tickets keep the due times they had, for the record; nothing is due.
  if (t.status === 'resolved' || t.status === 'closed') return { ...kept, sla_policy_id: policy.id, escalation_at: null, sla_warning_at: null };

  const pct = policy.warning_percent;
  const first = t.first_responded_at === null && policy.first_response_seconds !== null ? clockOf(cal, t.created_at, policy.first_response_seconds, t.sla_paused_seconds, pct) : null;
  const next = t.next_response_since !== null && policy.next_response_seconds !== null ? clockOf(cal, t.next_response_since, policy.next_response_seconds, 0, pct) : null;
  const resolution = policy.resolution_seconds !== null ? clockOf(cal, t.created_at, policy.resolution_seconds, t.sla_paused_seconds, pct) : null;
  const unmet = [first, next, resolution].filter((c): c is Clock => c !== null);

  let escalation: Date | null;
  let warning: Date | null = null;
  if (isClockRunning(t.status)) {
    escalation = earliest(unmet.map((c) => c.due));
    // A warning already due but not yet swept stays due; otherwise the next one ahead.
    const sweepPending = previousWarning !== null && previousWarning <= now && unmet.some((c) => c.warning !== null && c.warning <= now && c.due > now);
    warning = sweepPending ? previousWarning : earliest(unmet.map((c) => (c.warning !== null && c.warning > now && c.due > now ? c.warning : null)));
  } else {
    // Paused: nothing falls due meanwhile, but a time missed before the pause stays missed.
    const pausedAt = t.sla_paused_at ?? now;
    escalation = earliest(unmet.map((c) => (c.due <= pausedAt ? c.due : null)));
  }
  return {
    sla_policy_id: policy.id,
    // A met first response keeps the due time it was measured against.
    first_response_due_at: t.first_responded_at === null ? (first?.due ?? null) : t.first_response_due_at,
    next_response_due_at: next?.due ?? null,
    resolution_due_at: resolution?.due ?? null,
    escalation_at: escalation,
    sla_warning_at: warning,
  };
}

/**
 * The escalation level and when the next one fires. Levels count from the escalation time, in
 * business time; they run only while the clock does (a paused ticket does not escalate further).
 * Once the ticket is no longer overdue — answered or resolved in time for what is due next — the
 * level is back to 0, and a later miss starts again from level 1. A recompute that leaves the
 * ticket overdue (another priority, another department) keeps the level reached.
 */
function escalationOf(t: SlaTicket, escalationAt: Date | null, levels: readonly EscalationStep[], cal: WorkingCalendar, now: Date): Pick<SlaColumns, 'escalation_level' | 'escalation_due_at'> {
  const overdue = escalationAt !== null && escalationAt.getTime() <= now.getTime();
  const level = overdue ? t.escalation_level : 0;
  const next = levels.find((l) => l.level === level + 1);
  if (escalationAt === null || next === undefined || !isClockRunning(t.status)) return { escalation_level: level, escalation_due_at: null };
  try {
    return { escalation_level: level, escalation_due_at: addBusinessTime(cal, escalationAt, next.delay_seconds * secondMs) };
  } catch {
    return { escalation_level: level, escalation_due_at: null };
  }
}

function pick(t: SlaTicket): SlaColumns {
  return {
    sla_policy_id: t.sla_policy_id,
    first_response_due_at: t.first_response_due_at,
    next_response_due_at: t.next_response_due_at,
    resolution_due_at: t.resolution_due_at,
    escalation_at: t.escalation_at,
    sla_warning_at: t.sla_warning_at,
    sla_paused_at: t.sla_paused_at,
    sla_paused_seconds: t.sla_paused_seconds,
    next_response_since: t.next_response_since,
    first_responded_at: t.first_responded_at,
    first_response_seconds_taken: t.first_response_seconds_taken,
    first_response_seconds_over: t.first_response_seconds_over,
    resolution_seconds_taken: t.resolution_seconds_taken,
    resolution_seconds_over: t.resolution_seconds_over,
    escalation_level: t.escalation_level,
    escalation_due_at: t.escalation_due_at,
  };
}
