import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { moveTicket } from '../jobs/sweeper.testing.ts';
import { createManualClock } from '../platform/clock.ts';

// The updates of migration 0019 that give events stored before it their measures.
const backfill = readFileSync(new URL('../../../migrations/0019_reports.sql', import.meta.url), 'utf8')
  .split(/;\s*\n/)
  .map((s) => s.replace(/^(--.*\n)+/gm, '').trim())
  .filter((s) => s.startsWith('update ticket_events'));

describe('migration 0019: measures for events stored before it', () => {
  const clock = createManualClock(new Date('2026-06-01T08:00:00.000Z'));
  let server: TestServer;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    ({ admin } = await createWorkspace(server.url));
  });
  afterAll(() => server?.close());

  const measuresOf = (type: string) =>
    server.deps.db.selectFrom('ticket_events').select(['ticket_id', 'measures']).where('type', '=', type).where('measures', 'is not', null).orderBy('id').execute();

  it('gives the first agent reply and each resolution the figures the code writes today', async () => {
    expect(backfill).toHaveLength(2);
    const sla = await admin.post('/api/v1/sla-policies', { name: 'All', first_response_seconds: 3600, resolution_seconds: 7200 });
    expect(sla.status).toBe(201);
    for (const minutes of [20, 90]) {
      const t = await createTicket(admin);
      clock.advance(minutes * 60_000);
      expect((await admin.post(`/api/v1/tickets/${t.number}/messages`, { body: 'On it', visibility: 'public' })).status).toBe(201);
      expect((await admin.post(`/api/v1/tickets/${t.number}/messages`, { body: 'Still on it', visibility: 'public' })).status).toBe(201);
      clock.advance(minutes * 60_000);
      await moveTicket(admin, t.number, { to: 'resolved', resolution: 'Done' });
    }
    const written = { replied: await measuresOf('replied'), resolved: await measuresOf('resolved') };
    expect(written.replied.map((r) => r.measures)).toEqual([
      { first_response_seconds: 1200, first_response_seconds_over: -2400 },
      { first_response_seconds: 5400, first_response_seconds_over: 1800 },
    ]);
    expect(written.resolved.map((r) => r.measures)).toEqual([
      { resolution_seconds: 2400, resolution_seconds_over: -4800 },
      { resolution_seconds: 10800, resolution_seconds_over: 3600 },
    ]);

    await server.deps.db.updateTable('ticket_events').set({ measures: null }).execute();
    await server.deps.database.withRawClient(async (c) => {
      for (const statement of backfill) await c.exec(statement);
    });
    expect(await measuresOf('replied')).toEqual(written.replied);
    expect(await measuresOf('resolved')).toEqual(written.resolved);
  });
});
