import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import type { Ticket } from '../../contract/tickets.ts';
import { gatherWrites, writeAtOnce } from './ticket-writes.ts';

describe('ticket writes gathered in a batch', () => {
  let server: TestServer;
  let admin: ApiClient;
  let orgId: number;
  let otherAdmin: ApiClient;
  let otherOrgId: number;

  beforeAll(async () => {
    server = await startTestServer({ env: { CAREDESK_SIGNUP: 'open' } });
    ({ admin, orgId } = await createWorkspace(server.url));
    ({ admin: otherAdmin, orgId: otherOrgId } = await createWorkspace(server.url, undefined, 'signup'));
  });
  afterAll(() => server.close());

  const rowOf = (org: number, id: number) =>
    server.deps.db
      .selectFrom('tickets')
      .select(['subject', 'priority', 'tags', 'pending_until', 'reminder_due_at', 'escalation_level', 'version', 'updated_at', 'order_number'])
      .where('org_id', '=', org)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('sets each ticket its own columns in one flush, with their types, counting each new version once', async () => {
    const [a, b, c] = [await createTicket(admin), await createTicket(admin, { tags: ['vip'] }), await createTicket(admin)] as Ticket[];
    const elsewhere = (await createTicket(otherAdmin)) as Ticket;
    const [beforeB, beforeC, beforeElsewhere] = [await rowOf(orgId, b.id), await rowOf(orgId, c.id), await rowOf(otherOrgId, elsewhere.id)];
    const now = new Date(Date.UTC(2031, 4, 6, 7, 8, 9, 123));
    const later = new Date(Date.UTC(2031, 4, 7, 0, 0, 0));
    const writes = gatherWrites(server.deps.config, now);

    await writes.update(orgId, a.id, { priority: 'urgent', tags: ['late', 'ünïcode, "quoted"'], reminder_due_at: later }, true);
    await writes.update(orgId, a.id, { escalation_level: 2 }, true);
    await writes.update(orgId, b.id, { reminder_due_at: null, order_number: 'ORD-7' }, false);
    await writes.update(orgId, c.id, {}, false);
    // Not flushed yet: nothing is written.
    expect((await rowOf(orgId, a.id)).priority).toBe(a.priority);
    await server.deps.db.transaction().execute((trx) => writes.flush(trx));

    expect(await rowOf(orgId, a.id)).toMatchObject({
      subject: a.subject,
      priority: 'urgent',
      tags: ['late', 'ünïcode, "quoted"'],
      reminder_due_at: later,
      escalation_level: 2,
      version: a.version + 2,
      updated_at: now,
    });
    expect(await rowOf(orgId, b.id)).toEqual({ ...beforeB, reminder_due_at: null, order_number: 'ORD-7' });
    expect(await rowOf(orgId, c.id)).toEqual(beforeC);
    expect(await rowOf(otherOrgId, elsewhere.id)).toEqual(beforeElsewhere);
  });

  it('writes nothing of a batch whose transaction rolls back', async () => {
    const ticket = (await createTicket(admin)) as Ticket;
    const before = await rowOf(orgId, ticket.id);
    const writes = gatherWrites(server.deps.config, new Date());
    await writes.update(orgId, ticket.id, { priority: 'urgent' }, true);
    const failure = new Error('the batch failed');
    await expect(
      server.deps.db.transaction().execute(async (trx) => {
        await writes.flush(trx);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await rowOf(orgId, ticket.id)).toEqual(before);
  });

  it('writes the same at once as gathered', async () => {
    const [one, two] = [await createTicket(admin), await createTicket(admin)] as Ticket[];
    const now = new Date(Date.UTC(2031, 0, 1));
    const columns = { priority: 'high' as const, tags: ['a', 'b'], pending_until: null };
    await server.deps.db.transaction().execute(async (trx) => {
      await writeAtOnce(trx, server.deps.config, now).update(orgId, one.id, columns, true);
      const gathered = gatherWrites(server.deps.config, now);
      await gathered.update(orgId, two.id, columns, true);
      await gathered.flush(trx);
    });
    const [a, b] = [await rowOf(orgId, one.id), await rowOf(orgId, two.id)];
    expect({ ...a, subject: '' }).toEqual({ ...b, subject: '' });
    expect(a).toMatchObject({ priority: 'high', tags: ['a', 'b'], version: one.version + 1, updated_at: now });
  });
});
