import type { LiveEvent } from '../../contract/live.ts';

/**
 * The channel every process LISTENs on. Payloads are {"org": id, "ticket": id, "customer": id|null}
 * for a ticket change (every staff stream of the workspace, and that customer's portal streams)
 * and {"org": id, "agent": id} for one agent's notifications.
 */
export const LIVE_CHANNEL = 'caredesk_live';

interface Subscriber {
  orgId: number;
  /** The agent behind the stream; null for an API key or a customer, who get no agent's notifications. */
  agentId: number | null;
  /** A portal stream: only this customer user's tickets. */
  customerUserId: number | null;
  send(event: LiveEvent): void;
  end(): void;
}

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

export interface Notice {
  orgId: number;
  /** Only this agent's streams get it; null: every stream of the workspace. */
  agentId: number | null;
  /** The customer user whose ticket changed (their portal streams get it too). */
  customerUserId: number | null;
  event: LiveEvent;
}

/** Turns a NOTIFY payload into the event and whom it is for; null for anything else. */
export function parseNotice(payload: string): Notice | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const { org, ticket, agent, customer } = (value ?? {}) as { org?: unknown; ticket?: unknown; agent?: unknown; customer?: unknown };
  if (!isId(org)) return null;
  if (isId(ticket)) return { orgId: org, agentId: null, customerUserId: isId(customer) ? customer : null, event: { type: 'ticket', ticket_id: ticket } };
  if (isId(agent)) return { orgId: org, agentId: agent, customerUserId: null, event: { type: 'notifications' } };
  return null;
}

/** Hands each committed change to the live streams of its workspace (or its agent) in this process, and only those. */
export class LiveBus {
  readonly #subscribers = new Set<Subscriber>();

  subscribe(
    orgId: number,
    who: { agentId: number | null; customerUserId?: number | null },
    send: (event: LiveEvent) => void,
    end: () => void,
  ): () => void {
    const subscriber = { orgId, agentId: who.agentId, customerUserId: who.customerUserId ?? null, send, end };
    this.#subscribers.add(subscriber);
    return () => this.#subscribers.delete(subscriber);
  }

  get size(): number {
    return this.#subscribers.size;
  }

  receive(payload: string): void {
    const notice = parseNotice(payload);
    if (!notice) return;
    for (const s of this.#subscribers) {
      if (s.orgId !== notice.orgId) continue;
      const forStream = s.customerUserId !== null ? notice.customerUserId === s.customerUserId : notice.agentId === null || s.agentId === notice.agentId;
      if (forStream) s.send(notice.event);
    }
  }

  /** Changes may have been missed (the listener reconnected): every stream reloads what it shows. */
  resync(): void {
    for (const s of this.#subscribers) s.send({ type: 'resync' });
  }

  /** Ends every stream (shutdown), so no open response holds the server. */
  close(): void {
    for (const s of [...this.#subscribers]) s.end();
    this.#subscribers.clear();
  }
}
