import { expect } from 'vitest';
import type { Ticket, TicketEvent } from '../../contract/tickets.ts';
import type { ApiClient } from '../../../test/helpers/client.ts';
import type { TestServer } from '../../../test/helpers/server.ts';
import type { SweepReport } from './sweeper.ts';

/** What the sweeper's tests share: ticket moves through the API and what the database holds. */

/** Agent sessions and portal sessions outlive the weeks these tests move the clock on. */
export const longSessions = { SESSION_TTL_HOURS: '2160', PORTAL_SESSION_DAYS: '90' };

export const silentLog = { info: () => undefined, error: () => undefined };

export async function moveTicket(client: ApiClient, number: string, body: Record<string, unknown>): Promise<Ticket> {
  const res = await client.post<Ticket>(`/api/v1/tickets/${number}/transitions`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export const resolveTicket = (client: ApiClient, number: string) => moveTicket(client, number, { to: 'resolved', resolution: 'Replaced the jug' });

export const holdTicket = (client: ApiClient, number: string, waitingOn: 'customer' | 'third_party' | 'internal', pendingUntil?: Date) =>
  moveTicket(client, number, { to: 'pending', reason: 'Waiting for an answer', waiting_on: waitingOn, ...(pendingUntil ? { pending_until: pendingUntil.toISOString() } : {}) });

export async function getTicket(client: ApiClient, number: string): Promise<Ticket> {
  const res = await client.get<Ticket>(`/api/v1/tickets/${number}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export async function historyOf(client: ApiClient, number: string): Promise<TicketEvent[]> {
  const res = await client.get<{ items: TicketEvent[] }>(`/api/v1/tickets/${number}/history?limit=200`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
}

export async function setAutoClosePeriod(admin: ApiClient, seconds: number): Promise<void> {
  const res = await admin.patch('/api/v1/settings', { auto_close_after_seconds: seconds });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** The sweeper's due times of a ticket, which the API does not show. */
export const dueTimesOf = (server: TestServer, ticketId: number) =>
  server.deps.db.selectFrom('tickets').select(['auto_close_at', 'reminder_due_at']).where('id', '=', ticketId).executeTakeFirstOrThrow();

export const jobRunOf = (server: TestServer, duty: string) => server.deps.db.selectFrom('job_runs').selectAll().where('duty', '=', duty).executeTakeFirst();

/**
 * Sweeps now and checks that no batch fell back to running row by row: a batch's gathered
 * writes that failed would still leave every row done (the retry does them), and go unseen.
 */
export async function sweepInBatches(server: TestServer): Promise<SweepReport> {
  const report = await server.sweeper.sweepNow();
  for (const [duty, run] of Object.entries(report)) expect(run.retried, `${duty} ran a batch again row by row: ${run.error}`).toBe(0);
  return report;
}
