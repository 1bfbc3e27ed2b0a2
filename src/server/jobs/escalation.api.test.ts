import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/helpers/client.ts';
import { createAgent, createTicket, createWorkspace } from '../../../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import type { EscalationLevels } from '../../contract/escalation.ts';
import type { TicketSla } from '../../contract/sla.ts';
import type { Ticket } from '../../contract/tickets.ts';
import { createManualClock } from '../platform/clock.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { escalationDuty } from './escalation.duty.ts';
import { startSweeper } from './sweeper.ts';
import { getTicket, historyOf, longSessions, moveTicket, silentLog, sweepInBatches } from './sweeper.testing.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('escalation levels and SLA warnings (the sweeper escalates what runs late)', () => {
  const clock = createManualClock(new Date('2026-05-04T08:00:00.000Z'));
  let server: TestServer;
  let admin: ApiClient;
  let agent: { client: ApiClient; id: number };
  let lead: { client: ApiClient; id: number };
  let manager: { client: ApiClient; id: number };
  let member: { client: ApiClient; id: number };
  let returns: number;
  let escalations: number;
  let policyId: number;

  beforeAll(async () => {
    server = await startTestServer({ clock, env: longSessions });
    ({ admin } = await createWorkspace(server.url));
    agent = await createAgent(admin, { name: 'Ana Agent' });
    lead = await createAgent(admin, { name: 'Lia Lead' });
    manager = await createAgent(admin, { name: 'Max Manager' });
    member = await createAgent(admin, { name: 'Mo Member' });
    returns = (await admin.post('/api/v1/departments', { name: 'Returns', member_ids: [agent.id, member.id] })).body.id;
    escalations = (await admin.post('/api/v1/departments', { name: 'Escalations', member_ids: [manager.id] })).body.id;
    // 24×7 (no calendar): first response within 1 h, resolution within 8 h, warn at 75 %.
    const policy = await admin.post('/api/v1/sla-policies', { name: 'Standard', first_response_seconds: 3600, resolution_seconds: 8 * 3600, warning_percent: 75 });
    expect(policy.status, JSON.stringify(policy.body)).toBe(201);
    policyId = policy.body.id;
  });
  afterAll(() => server?.close());

  const sweep = () => sweepInBatches(server);
  const setLevels = (levels: unknown[], department = returns, client = admin) => client.request<EscalationLevels>('PUT', `/api/v1/departments/${department}/escalation-levels`, { levels });
  const slaOf = async (t: Ticket) => (await admin.get<TicketSla>(`/api/v1/tickets/${t.number}/sla`)).body;
  const kindsFor = async (t: Ticket, kind: 'escalation' | 'assigned' | 'sla_warning') =>
    (await server.deps.db.selectFrom('notifications').select('agent_id').where('ticket_id', '=', t.id).where('kind', '=', kind).orderBy('agent_id').execute()).map((r) => r.agent_id);
  const escalatedEvents = async (t: Ticket) => (await historyOf(admin, t.number)).filter((e) => e.type === 'escalated');

  it('saves a flow, names its agents and departments, and refuses delays out of order, unknown references and non-admins', async () => {
    const saved = await setLevels([
      { delay_seconds: 0, notify_agent_ids: [lead.id] },
      { delay_seconds: 1800, notify_department_id: escalations, raise_priority_to: 'urgent', reassign_department_id: escalations, reassign_agent_id: manager.id },
    ]);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.levels).toEqual([
      { level: 1, delay_seconds: 0, notify_agents: [{ id: lead.id, name: 'Lia Lead' }], notify_department: null, reassign_department: null, reassign_agent: null, raise_priority_to: null },
      {
        level: 2,
        delay_seconds: 1800,
        notify_agents: [],
        notify_department: { id: escalations, name: 'Escalations' },
        reassign_department: { id: escalations, name: 'Escalations' },
        reassign_agent: { id: manager.id, name: 'Max Manager' },
        raise_priority_to: 'urgent',
      },
    ]);
    expect((await agent.client.get(`/api/v1/departments/${returns}/escalation-levels`)).body).toEqual(saved.body);

    const outOfOrder = await setLevels([{ delay_seconds: 600 }, { delay_seconds: 600 }]);
    expect(outOfOrder.status).toBe(400);
    expect(JSON.stringify(outOfOrder.body)).toContain('levels.1.delay_seconds');
    const unknown = await setLevels([{ delay_seconds: 0, notify_agent_ids: [lead.id, 987654], reassign_department_id: 987654 }]);
    expect(unknown.status).toBe(400);
    expect((unknown.body as unknown as { error: { details: unknown } }).error.details).toEqual([
      { field: 'body.levels.0.notify_agent_ids.1', message: 'no such agent in this workspace' },
      { field: 'body.levels.0.reassign_department_id', message: 'no such department in this workspace' },
    ]);
    expect((await setLevels([{ delay_seconds: -1 }])).status).toBe(400);
    expect((await setLevels([{ delay_seconds: 0 }], 987654)).status).toBe(404);
    expect((await setLevels([], returns, agent.client)).status).toBe(403);
    // Nothing of the refused requests was written.
    expect((await admin.get(`/api/v1/departments/${returns}/escalation-levels`)).body).toEqual(saved.body);
  });

  it('fires level 1 at the due time and level 2 after its delay, once each: events by System, the named agents told, priority raised, moved and assigned', async () => {
    const ticket = await createTicket(admin, { department: returns, assignee: agent.id, subject: 'Broken kettle' });
    expect(await slaOf(ticket)).toMatchObject({ escalation_at: '2026-05-04T09:00:00.000Z', escalation_level: 0, next_escalation_at: '2026-05-04T09:00:00.000Z' });

    clock.advance(HOUR - MINUTE);
    expect((await sweep()).escalation.claimed).toBe(0);
    clock.advance(MINUTE);
    expect((await sweep()).escalation).toMatchObject({ done: 1, failed: 0 });
    expect(await getTicket(admin, ticket.number)).toMatchObject({ escalation_level: 1, is_overdue: false, priority: 'medium' });
    const [first] = await escalatedEvents(ticket);
    expect(first).toMatchObject({ actor: { kind: 'system', name: 'System' }, before: { escalation_level: 0 }, after: { escalation_level: 1, escalation_at: '2026-05-04T09:00:00.000Z', notify_agents: [{ id: lead.id, name: 'Lia Lead' }] } });
    expect(await kindsFor(ticket, 'escalation')).toEqual([lead.id]);
    expect(await slaOf(ticket)).toMatchObject({ escalation_level: 1, next_escalation_at: '2026-05-04T09:30:00.000Z' });

    clock.advance(29 * MINUTE);
    await sweep();
    expect(await escalatedEvents(ticket)).toHaveLength(1);
    clock.advance(MINUTE);
    expect((await sweep()).escalation.done).toBe(1);
    const moved = await getTicket(admin, ticket.number);
    expect(moved).toMatchObject({ escalation_level: 2, priority: 'urgent', department: { id: escalations }, assignee: { id: manager.id } });
    const history = await historyOf(admin, ticket.number);
    expect(history.slice(-3)).toMatchObject([
      { type: 'escalated', actor: { kind: 'system' }, after: { escalation_level: 2, notify_department: { id: escalations, name: 'Escalations' } } },
      { type: 'updated', actor: { kind: 'system' }, before: { priority: 'medium', department: 'Returns' }, after: { priority: 'urgent', department: 'Escalations' } },
      { type: 'assigned', actor: { kind: 'system' }, after: { assignee_id: manager.id, assignee: 'Max Manager' } },
    ]);
    // The manager is a member of the department level 2 names, and assigned by it: told once, of the escalation.
    expect(await kindsFor(ticket, 'escalation')).toEqual([lead.id, manager.id]);
    expect(await kindsFor(ticket, 'assigned')).toEqual([agent.id]);
    // The Escalations department has no levels: nothing further, however long it waits.
    expect((await slaOf(ticket)).next_escalation_at).toBeNull();
    clock.advance(24 * HOUR);
    await sweep();
    expect(await escalatedEvents(ticket)).toHaveLength(2);
  });

  it('a public answer stops escalating: level back to 0, no further level fires', async () => {
    const ticket = await createTicket(admin, { department: returns, subject: 'Late parcel' });
    const resolutionDue = new Date(clock.now().getTime() + 8 * HOUR).toISOString();
    clock.advance(HOUR);
    await sweep();
    expect((await getTicket(admin, ticket.number)).escalation_level).toBe(1);
    const reply = await agent.client.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'We are on it.', visibility: 'public' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    // What counts now is the resolution target, and it is ahead.
    expect(await slaOf(ticket)).toMatchObject({ escalation_level: 0, escalation_at: resolutionDue });
    clock.advance(HOUR);
    await sweep();
    expect(await escalatedEvents(ticket)).toHaveLength(1);
    expect((await getTicket(admin, ticket.number)).priority).toBe('medium');
  });

  it('a resolved ticket does not escalate; a paused one waits and goes on after the resume', async () => {
    const resolved = await createTicket(admin, { department: returns, subject: 'Wrong colour' });
    await moveTicket(agent.client, resolved.number, { to: 'resolved', resolution: 'Exchanged' });
    const held = await createTicket(admin, { department: returns, subject: 'Missing screws' });
    clock.advance(HOUR);
    await sweep();
    expect(await escalatedEvents(resolved)).toHaveLength(0);
    expect(await escalatedEvents(held)).toHaveLength(1);
    await moveTicket(agent.client, held.number, { to: 'pending', reason: 'Asked the supplier', waiting_on: 'third_party' });
    expect((await slaOf(held)).next_escalation_at).toBeNull();
    clock.advance(2 * HOUR);
    await sweep();
    expect(await escalatedEvents(held)).toHaveLength(1);
    // The resume moves the missed due time on by the 2 h paused: level 2 comes 30 min after it, not at once.
    await moveTicket(agent.client, held.number, { to: 'open' });
    expect(await slaOf(held)).toMatchObject({ escalation_level: 1, escalation_at: clock.now().toISOString() });
    await sweep();
    expect(await escalatedEvents(held)).toHaveLength(1);
    clock.advance(30 * MINUTE);
    await sweep();
    expect(await escalatedEvents(held)).toHaveLength(2);
  });

  it('a changed flow applies to tickets already overdue', async () => {
    const ticket = await createTicket(admin, { department: escalations, subject: 'Refund missing' });
    clock.advance(2 * HOUR);
    await sweep();
    expect(await escalatedEvents(ticket)).toHaveLength(0);
    expect((await setLevels([{ delay_seconds: 0, notify_agent_ids: [lead.id] }], escalations)).status).toBe(200);
    expect((await sweep()).escalation.done).toBe(1);
    expect(await escalatedEvents(ticket)).toHaveLength(1);
    expect((await setLevels([], escalations)).status).toBe(200);
  });

  it('warns the assignee once when the warning share of a target has passed, before it is missed', async () => {
    const ticket = await createTicket(admin, { department: returns, assignee: member.id, subject: 'Scratched table' });
    expect((await slaOf(ticket)).warning_at).toBe(new Date(clock.now().getTime() + 45 * MINUTE).toISOString());
    clock.advance(44 * MINUTE);
    await sweep();
    expect(await kindsFor(ticket, 'sla_warning')).toEqual([]);
    clock.advance(MINUTE);
    expect((await sweep()).sla_warning.done).toBe(1);
    expect(await kindsFor(ticket, 'sla_warning')).toEqual([member.id]);
    const warned = (await historyOf(admin, ticket.number)).filter((e) => e.type === 'sla_warning');
    expect(warned).toMatchObject([{ actor: { kind: 'system' }, after: { due_at: new Date(clock.now().getTime() + 15 * MINUTE).toISOString() } }]);
    clock.advance(10 * MINUTE);
    await sweep();
    expect(await kindsFor(ticket, 'sla_warning')).toEqual([member.id]);
    // The next warning is the resolution target's, at 6 h.
    expect((await slaOf(ticket)).warning_at).toBe(new Date(clock.now().getTime() - 55 * MINUTE + 6 * HOUR).toISOString());
  });

  it('fires each level once while two sweepers (on PostgreSQL: two connection pools, as two processes) sweep at the same moment', async () => {
    expect((await setLevels([{ delay_seconds: 0, notify_agent_ids: [lead.id] }, { delay_seconds: 60 }])).status).toBe(200);
    const tickets: Ticket[] = [];
    for (let i = 0; i < 12; i++) tickets.push(await createTicket(admin, { department: returns, subject: `Crate ${i}` }));
    clock.advance(2 * HOUR);
    const other: Database | null = server.databaseUrl ? await openDatabase({ databaseUrl: server.databaseUrl, poolSize: 4 }) : null;
    const sweepers = [server.deps, other ? { ...server.deps, database: other, db: other.db } : server.deps].map((deps) =>
      startSweeper(deps, { log: silentLog, intervalMs: 0, batchSize: 3, duties: [escalationDuty] }),
    );
    try {
      // Both levels are past due: the one sweep that claims a ticket reaches both, each with its event.
      const reports = await Promise.all(sweepers.map((s) => s.sweepNow()));
      expect(reports.map((r) => r.escalation.failed), JSON.stringify(reports)).toEqual([0, 0]);
      expect(reports.reduce((n, r) => n + r.escalation.done, 0)).toBeGreaterThanOrEqual(tickets.length);
      expect((await Promise.all(sweepers.map((s) => s.sweepNow()))).map((r) => r.escalation.claimed)).toEqual([0, 0]);
      for (const ticket of tickets) {
        expect((await escalatedEvents(ticket)).map((e) => e.after?.escalation_level), ticket.number).toEqual([1, 2]);
        // Level 1 names the lead; level 2 names nobody, so the department hears of it (no one is assigned).
        expect(await kindsFor(ticket, 'escalation'), ticket.number).toEqual([agent.id, lead.id, member.id]);
      }
    } finally {
      await Promise.all(sweepers.map((s) => s.stop()));
      await other?.close();
    }
  });

  it('a changed policy plans the active tickets again at the next sweep; a resolved one keeps its record', async () => {
    const quiet = (await admin.post('/api/v1/departments', { name: 'Quiet desk' })).body.id as number;
    const createdAt = clock.now().getTime();
    const active = await createTicket(admin, { department: quiet, subject: 'Loose handle' });
    const resolved = await createTicket(admin, { department: quiet, subject: 'Bent fork' });
    await moveTicket(agent.client, resolved.number, { to: 'resolved', resolution: 'Replaced' });
    const at = (ms: number) => new Date(createdAt + ms).toISOString();
    expect(await slaOf(active)).toMatchObject({ first_response_due_at: at(HOUR), resolution_due_at: at(8 * HOUR) });
    const resolvedBefore = await slaOf(resolved);

    const changed = await admin.patch(`/api/v1/sla-policies/${policyId}`, { first_response_seconds: 2 * 3600 });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await slaOf(active)).first_response_due_at).toBe(at(HOUR));
    await sweep();
    expect(await slaOf(active)).toMatchObject({ first_response_due_at: at(2 * HOUR), escalation_at: at(2 * HOUR), warning_at: at(90 * MINUTE) });
    expect(await slaOf(resolved)).toEqual(resolvedBefore);
  });
});
