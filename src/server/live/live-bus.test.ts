import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../contract/live.ts';
import { LiveBus, parseNotice } from './live-bus.ts';

describe('parseNotice', () => {
  it('reads the workspace and ticket of a notice', () => {
    expect(parseNotice('{"org": 3, "ticket": 41}')).toEqual({ orgId: 3, event: { type: 'ticket', ticket_id: 41 } });
  });

  it('drops anything that is not a notice, whatever the text', () => {
    for (const bad of ['', 'null', '[]', '{"org": 3}', '{"org": "3", "ticket": 4}', '{"org": 0, "ticket": 4}', '{"org": 1.5, "ticket": 4}', '{not json']) {
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
    bus.subscribe(1, (e) => got.a1.push(e), () => undefined);
    bus.subscribe(1, (e) => got.a2.push(e), () => undefined);
    bus.subscribe(2, (e) => got.b.push(e), () => undefined);
    bus.receive('{"org": 1, "ticket": 7}');
    bus.receive('garbage');
    expect(got).toEqual({ a1: [{ type: 'ticket', ticket_id: 7 }], a2: [{ type: 'ticket', ticket_id: 7 }], b: [] });
  });

  it('stops sending to a stream that unsubscribed, tells every stream to resync after a gap, and ends all streams on close', () => {
    const bus = new LiveBus();
    const sent: LiveEvent[] = [];
    let ends = 0;
    const unsubscribe = bus.subscribe(1, () => sent.push({ type: 'resync' }), () => ends++);
    const kept: LiveEvent[] = [];
    bus.subscribe(2, (e) => kept.push(e), () => ends++);
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
