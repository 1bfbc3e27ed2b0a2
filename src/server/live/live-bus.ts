import type { LiveEvent } from '../../contract/live.ts';

/** The channel every process LISTENs on; payloads are {"org": id, "ticket": id}. */
export const LIVE_CHANNEL = 'caredesk_live';

interface Subscriber {
  orgId: number;
  send(event: LiveEvent): void;
  end(): void;
}

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** Turns a NOTIFY payload into the event and the workspace it belongs to; null for anything else. */
export function parseNotice(payload: string): { orgId: number; event: LiveEvent } | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const { org, ticket } = (value ?? {}) as { org?: unknown; ticket?: unknown };
  return isId(org) && isId(ticket) ? { orgId: org, event: { type: 'ticket', ticket_id: ticket } } : null;
}

/** Hands each committed change to the live streams of its workspace in this process, and only those. */
export class LiveBus {
  readonly #subscribers = new Set<Subscriber>();

  subscribe(orgId: number, send: (event: LiveEvent) => void, end: () => void): () => void {
    const subscriber = { orgId, send, end };
    this.#subscribers.add(subscriber);
    return () => this.#subscribers.delete(subscriber);
  }

  get size(): number {
    return this.#subscribers.size;
  }

  receive(payload: string): void {
    const notice = parseNotice(payload);
    if (!notice) return;
    for (const s of this.#subscribers) if (s.orgId === notice.orgId) s.send(notice.event);
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
