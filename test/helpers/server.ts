import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock } from '../../src/server/platform/clock.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { ApiClient } from './client.ts';
import { openTestDatabase } from './database.ts';

export interface TestServer extends RunningServer {
  /** A client with no credentials. */
  anonymous(): ApiClient;
  /** The PostgreSQL database it runs on (null on PGlite), for a second server over the same data. */
  databaseUrl: string | null;
}

/**
 * The real server on a free port over a fresh database (PGlite or PostgreSQL, see TEST_DB). Its
 * sweeper is off (tests move the clock and call `sweeper.sweepNow()`) unless `env` sets
 * CAREDESK_SWEEP_INTERVAL_MS.
 */
export async function startTestServer(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestServer> {
  const { database, url, drop } = await openTestDatabase();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    CAREDESK_SWEEP_INTERVAL_MS: '0',
    // Tests that receive mail turn the listener on (on a free port).
    SMTP_INBOUND: 'false',
    // Tests that read IMAP mailboxes turn the poller on.
    IMAP_POLL: 'false',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'caredesk-test-')),
    ...options.env,
  });
  const server = await startServer(config, { database, clock: options.clock, logger: false });
  return {
    ...server,
    anonymous: () => new ApiClient(server.url),
    databaseUrl: url,
    async close() {
      await server.close();
      await database.close();
      await drop();
    },
  };
}
