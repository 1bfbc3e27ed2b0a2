import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../contract/live.ts';
import { LiveBus, parseNotice } from './live-bus.ts';

describe('parseNotice', () => {
  it('reads the workspace and ticket of a notice', () => {
    expect(parseNotice('{"org": 3, "ticket": 41}')).toEqual({ orgId: 3, agentId: null, customerUserId: null, event: { type: 'ticket', ticket_id: 41 } });
    expect(parseNotice('{"org": 3, "ticket": 41, "customer": 9}')).toMatchObject({ customerUserId: 9 });
  });

  it("reads an agent's notifications notice", () => {
    expect(parseNotice('{"org": 3, "agent": 5}')).toEqual({ orgId: 3, agentId: 5, customerUserId: null, event: { type: 'notifications' } });
  });

  it('drops anything that is not a notice, whatever the text', () => {
    for (const bad of ['', 'null', '[]', '{"org": 3}', '{"org": "3", "ticket": 4}', '{"org": 0, "ticket": 4}', '{"org": 1.5, "ticket": 4}', '{"org": 3, "agent": -1}', '{"org": 3, "agent": "5"}', '{not json']) {
      expect(parseNotice(bad), bad).toBeNull();
    }
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseNotice(text);
        expect(parsed === null || (Number.isSafeInteger(parsed.orgId) && parsed.orgId > 0)).toBe(true);
      }),
    );
  });
});

describe('LiveBus', () => {
  it("hands a workspace's notice to that workspace's streams only", () => {
    const bus = new LiveBus();
    const got: Record<string, LiveEvent[]> = { a1: [], a2: [], b: [] };
    bus.subscribe(1, { agentId: 10 }, (e) => got.a1.push(e), () => undefined);
    bus.subscribe(1, { agentId: null }, (e) => got.a2.push(e), () => undefined);
    bus.subscribe(2, { agentId: 10 }, (e) => got.b.push(e), () => undefined);
    bus.receive('{"org": 1, "ticket": 7}');
    bus.receive('garbage');
    expect(got).toEqual({ a1: [{ type: 'ticket', ticket_id: 7 }], a2: [{ type: 'ticket', ticket_id: 7 }], b: [] });
  });

  it("hands an agent's notice to that agent's streams in that workspace only", () => {
    const bus = new LiveBus();
    const got: Record<string, LiveEvent[]> = { mine1: [], mine2: [], colleague: [], apiKey: [], otherWorkspace: [] };
    bus.subscribe(1, { agentId: 10 }, (e) => got.mine1.push(e), () => undefined);
    bus.subscribe(1, { agentId: 10 }, (e) => got.mine2.push(e), () => undefined);
    bus.subscribe(1, { agentId: 11 }, (e) => got.colleague.push(e), () => undefined);
    bus.subscribe(1, { agentId: null }, (e) => got.apiKey.push(e), () => undefined);
    // Agent ids are per database, but a stream of another workspace must never match by id alone.
    bus.subscribe(2, { agentId: 10 }, (e) => got.otherWorkspace.push(e), () => undefined);
    bus.receive('{"org": 1, "agent": 10}');
    const told = [{ type: 'notifications' }];
    expect(got).toEqual({ mine1: told, mine2: told, colleague: [], apiKey: [], otherWorkspace: [] });
  });

  it("gives a customer's portal stream their own tickets' changes only, and no agent's notifications", () => {
    const bus = new LiveBus();
    const got: Record<string, LiveEvent[]> = { budi: [], sari: [], agent: [] };
    bus.subscribe(1, { agentId: null, customerUserId: 7 }, (e) => got.budi.push(e), () => undefined);
    bus.subscribe(1, { agentId: null, customerUserId: 8 }, (e) => got.sari.push(e), () => undefined);
    bus.subscribe(1, { agentId: 10 }, (e) => got.agent.push(e), () => undefined);
    bus.receive('{"org": 1, "ticket": 5, "customer": 7}');
    bus.receive('{"org": 1, "ticket": 6, "customer": null}');
    bus.receive('{"org": 2, "ticket": 9, "customer": 7}');
    bus.receive('{"org": 1, "agent": 10}');
    expect(got.budi).toEqual([{ type: 'ticket', ticket_id: 5 }]);
    expect(got.sari).toEqual([]);
    expect(got.agent).toEqual([{ type: 'ticket', ticket_id: 5 }, { type: 'ticket', ticket_id: 6 }, { type: 'notifications' }]);
  });

  it('stops sending to a stream that unsubscribed, tells every stream to resync after a gap, and ends all streams on close', () => {
    const bus = new LiveBus();
    const sent: LiveEvent[] = [];
    let ends = 0;
    const unsubscribe = bus.subscribe(1, { agentId: null }, () => sent.push({ type: 'resync' }), () => ends++);
    const kept: LiveEvent[] = [];
    bus.subscribe(2, { agentId: null }, (e) => kept.push(e), () => ends++);
    unsubscribe();
    bus.receive('{"org": 1, "ticket": 7}');
    bus.resync();
    expect(sent).toEqual([]);
    expect(kept).toEqual([{ type: 'resync' }]);
    bus.close();
    expect(ends).toBe(1);
    expect(bus.size).toBe(0);
  });
});
