/**
 * Issue 7: the SMTP listener answers 250 only after the mail is committed. A server killed with
 * -9 while mails arrive has every mail it acknowledged in its database, and after a restart each
 * stored mail is read into a ticket once. PGlite: the embedded database in a data directory;
 * under TEST_DB=postgres, a database of its own on the server.
 */
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { openTestDatabase, testEngine } from './helpers/database.ts';
import { killAllStarted, removeTempDirs, spawnServer, tempDir, type ServerProcess } from './helpers/process.ts';

const env = { SMTP_INBOUND_PORT: '0', SMTP_INBOUND_RATE_PER_MINUTE: '100000', CAREDESK_SWEEP_INTERVAL_MS: '100' };

function smtpPortOf(server: ServerProcess): number {
  const m = /receives mail on smtp:\/\/[^:"]+:(\d+)/.exec(server.output().stdout);
  if (!m) throw new Error(`no SMTP port in the log:\n${server.output().stdout}`);
  return Number(m[1]);
}

describe('inbound mail across kill -9', () => {
  afterAll(async () => {
    await killAllStarted();
    removeTempDirs();
  });

  it('keeps every mail it answered 250, and reads each stored mail into one ticket after the restart', async () => {
    const postgres = testEngine() === 'postgres' ? await openTestDatabase() : null;
    await postgres?.database.close();
    const target = postgres?.url ? { databaseUrl: postgres.url } : { dataDir: tempDir() };
    try {
      let server = await spawnServer({ ...target, env });
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPortOf(server), secure: false, ignoreTLS: true, pool: true, maxConnections: 4 });
      const acked: string[] = [];
      let sent = 0;
      let stopping = false;
      const sender = async () => {
        while (!stopping) {
          const messageId = `<crash.${++sent}.${process.pid}@customer.example>`;
          try {
            const info = await transport.sendMail({ from: 'rina@customer.example', to: 'support@shop.example', subject: `Mail ${sent}`, text: 'x'.repeat(2000), messageId });
            if (/^250 /.test(info.response)) acked.push(messageId);
          } catch {
            return; // the server is gone: what it had not answered may or may not be stored
          }
        }
      };
      const senders = Array.from({ length: 4 }, sender);
      while (acked.length < 30) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 300));
      expect(await server.kill9()).toEqual({ code: null, signal: 'SIGKILL' });
      stopping = true;
      await Promise.all(senders);
      transport.close();

      server = await spawnServer({ ...target, env });
      const admin = await server.login();
      // The restarted server's sweeps read what the killed one stored and had not read.
      // Until the count has reached every acknowledged mail and holds through five sweeps.
      let last = -1;
      for (let steady = 0, waited = 0; steady < 5 && waited < 20_000; waited += 100) {
        const total = ((await admin.get('/api/v1/tickets/stats')).body as { total: number }).total;
        steady = total >= acked.length && total === last ? steady + 1 : 0;
        last = total;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await server.stop()).toEqual({ code: 0, signal: null });

      const database = await openDatabase(postgres?.url ? { databaseUrl: postgres.url, poolSize: 2 } : { pgliteDir: path.join(target.dataDir as string, 'pglite'), fsync: false });
      try {
        const rows = await database.db.selectFrom('inbound_mails').select(['message_id', 'process_at', 'outcome', 'ticket_id']).execute();
        const ids = new Set(rows.map((r) => r.message_id));
        expect(acked.filter((id) => !ids.has(id))).toEqual([]);
        expect(rows.filter((r) => r.process_at !== null)).toEqual([]);
        expect(rows.every((r) => r.outcome === 'ticket_created' && r.ticket_id !== null)).toBe(true);
        const tickets = await database.db.selectFrom('tickets').select('id').where('channel', '=', 'email').execute();
        expect(tickets.length).toBe(rows.length);
        console.info(`${sent} sent, ${acked.length} acknowledged, ${rows.length} stored, ${tickets.length} tickets`);
      } finally {
        await database.close();
      }
    } finally {
      await postgres?.drop();
    }
  }, 90_000);
});
