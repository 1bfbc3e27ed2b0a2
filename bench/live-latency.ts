// How long a ticket change takes to reach every subscribed stream: one PATCH at a time through the
// API, and for each, the time from sending it to each stream's receipt of its event. Every agent
// stream must get every change; a portal stream only changes of its own customer's tickets.
import type { HttpClient } from './measure.ts';
import type { LiveStream, StreamEvent } from './live-streams.ts';
import { sleep } from './processes.ts';

export interface Change {
  ticketId: number;
  ticketNumber: string;
  customerUserId: number;
  /** Must differ from the ticket's priority: a PATCH that changes nothing announces nothing. */
  priority: 'low' | 'high';
}

export interface DeliveryResult {
  changes: number;
  /** Milliseconds from sending the PATCH to receipt, per (change × stream that should get it). */
  agentMs: number[];
  portalMs: number[];
  /** Per change: until the last stream that should get it had it. */
  lastMs: number[];
  /** The PATCH's own response time (the baseline). */
  patchMs: number[];
  /** Expected deliveries that did not arrive within the timeout. */
  missing: number;
  /** Events a stream should not have got: another customer's ticket, a second copy, another ticket. */
  wrong: number;
  firstWrong: string | null;
  /** Other events seen meanwhile (resync, notifications), by type. */
  otherEvents: Record<string, number>;
}

export interface DeliveryOptions {
  /** How long to wait for the last expected delivery of a change. */
  timeoutMs: number;
  /** Quiet time after the last expected delivery, to catch late or wrong ones before the next change. */
  settleMs: number;
}

const expects = (s: LiveStream, c: Change) => s.spec.kind === 'agent' || s.spec.customerUserId === c.customerUserId;

/** Makes the changes one after another (none overlaps the next) and sorts every event the streams got into deliveries and errors. */
export async function measureDeliveries(api: HttpClient, streams: LiveStream[], changes: Change[], options: DeliveryOptions): Promise<DeliveryResult> {
  const result: DeliveryResult = { changes: changes.length, agentMs: [], portalMs: [], lastMs: [], patchMs: [], missing: 0, wrong: 0, firstWrong: null, otherEvents: {} };
  const wrong = (why: string) => {
    result.wrong += 1;
    result.firstWrong ??= why;
  };
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    const marks = streams.map((s) => s.events.length);
    let outstanding = streams.filter((s) => expects(s, change)).length;
    let allArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (allArrived = resolve));
    const seen = new Set<LiveStream>();
    const onEvent = (s: LiveStream, e: StreamEvent) => {
      if (e.type !== 'ticket' || e.ticketId !== change.ticketId || !expects(s, change) || seen.has(s)) return;
      seen.add(s);
      if (--outstanding === 0) allArrived();
    };
    for (const s of streams) s.onEvent = onEvent;
    const t0 = performance.now();
    await api.expect('PATCH', `/api/v1/tickets/${change.ticketNumber}`, { priority: change.priority }, 200);
    result.patchMs.push(performance.now() - t0);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([arrived, new Promise<void>((resolve) => (timer = setTimeout(resolve, options.timeoutMs)))]);
    clearTimeout(timer);
    await sleep(options.settleMs);
    for (const s of streams) s.onEvent = null;

    let last = 0;
    streams.forEach((s, k) => {
      let got = false;
      for (const e of s.events.slice(marks[k])) {
        if (e.type !== 'ticket') {
          result.otherEvents[e.type] = (result.otherEvents[e.type] ?? 0) + 1;
          continue;
        }
        const who = `${s.spec.kind} stream${s.spec.customerUserId ? ` of customer user ${s.spec.customerUserId}` : ''}`;
        if (e.ticketId !== change.ticketId) wrong(`${who} got ticket ${e.ticketId} during the change of ticket ${change.ticketId}`);
        else if (!expects(s, change)) wrong(`${who} got a change of customer user ${change.customerUserId}'s ticket ${change.ticketId}`);
        else if (got) wrong(`${who} got the change of ticket ${change.ticketId} twice`);
        else {
          got = true;
          const ms = e.at - t0;
          (s.spec.kind === 'agent' ? result.agentMs : result.portalMs).push(ms);
          last = Math.max(last, ms);
        }
      }
      if (!got && expects(s, change)) result.missing += 1;
    });
    result.lastMs.push(last);
  }
  return result;
}
