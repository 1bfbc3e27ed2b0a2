import path from 'node:path';
import type { FastifyServerOptions } from 'fastify';
import { buildApp } from './app.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { lockDataDir } from './platform/db/data-dir-lock.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import type { App, Deps } from './platform/deps.ts';
import { LIVE_CHANNEL, LiveBus } from './live/live-bus.ts';
import { startSweeper, type Sweeper } from './jobs/sweeper.ts';
import { startOutboxWorker, type OutboxWorker } from './mail/outbox-worker.ts';
import { startWebhookWorker, type WebhookWorker } from './webhooks/webhook-worker.ts';
import { startSmtpListener, type SmtpListener } from './email/smtp-listener.ts';
import { startImapPoller, type ImapPoller } from './email/imap-poller.ts';
import { sweepStaleUploads } from './tickets/attachment-files.ts';
import { bootstrapAdmin } from './workspaces/bootstrap.ts';

export interface RunningServer {
  app: App;
  deps: Deps;
  url: string;
  /** Delivers the outbox; `wake()` makes it look for due mails at once. */
  outbox: OutboxWorker;
  /** Delivers webhooks; `wake()` makes it look for due deliveries at once. */
  webhooks: WebhookWorker;
  /** Runs the background duties every CAREDESK_SWEEP_INTERVAL_MS (never at 0); `sweepNow()` runs them at once. */
  sweeper: Sweeper;
  /** The inbound SMTP listener (SMTP_INBOUND), or null when it is off. */
  smtp: SmtpListener | null;
  /** The IMAP mailboxes' poller (IMAP_POLL), or null when it is off; `pollNow()` reads every mailbox at once. */
  imap: ImapPoller | null;
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** An already open database (tests); otherwise one is opened from the config. */
  database?: Database;
}

/** Opens the database (locking an embedded one), migrates, bootstraps, and listens. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const lock = !options.database && config.engine === 'pglite' ? lockDataDir(config.dataDir) : null;
  let database: Database | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  try {
    database =
      options.database ??
      (await openDatabase({
        databaseUrl: config.DATABASE_URL,
        poolSize: config.DATABASE_POOL_SIZE,
        pgliteDir: path.join(config.dataDir, 'pglite'),
        fsync: config.PGLITE_FSYNC,
      }));
    await migrate(database);
    const deps: Deps = { config, database, db: database.db, clock: options.clock ?? systemClock };
    await bootstrapAdmin(deps);
    await sweepStaleUploads(config.dataDir);
    if (config.CAREDESK_DEMO) {
      const { seedDemo } = await import('./demo/seed-demo.ts');
      await seedDemo(deps);
    }
    const live = new LiveBus();
    unlisten = await database.listen(LIVE_CHANNEL, { onMessage: (payload) => live.receive(payload), onGap: () => live.resync() });
    const app = await buildApp(deps, { logger: options.logger, live });
    // Open event streams would keep the server from closing.
    app.addHook('preClose', async () => live.close());
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    // Started once the server listens, so a mail's link works when it arrives.
    const outbox = await startOutboxWorker(deps, { log: app.log.child({ component: 'outbox' }) }).catch(async (error: unknown) => {
      await app.close();
      throw error;
    });
    const webhooks = await startWebhookWorker(deps, { log: app.log.child({ component: 'webhooks' }) }).catch(async (error: unknown) => {
      await Promise.all([outbox.stop(), app.close()]);
      throw error;
    });
    const sweeper = startSweeper(deps, { log: app.log.child({ component: 'sweeper' }), intervalMs: config.CAREDESK_SWEEP_INTERVAL_MS });
    const maintenance = startMaintenance(deps, app);
    // A stored mail is read into its ticket at once: the sweeper folds the asks that come while a sweep waits to start.
    const readMailSoon = () => {
      sweeper.sweepNow().catch((error: unknown) => app.log.error({ err: error }, 'sweep after inbound mail failed'));
    };
    const smtp = config.SMTP_INBOUND
      ? await startSmtpListener(deps, { log: app.log.child({ component: 'smtp-inbound' }), onStored: readMailSoon }).catch(async (error: unknown) => {
          await Promise.all([outbox.stop(), webhooks.stop(), sweeper.stop(), app.close()]);
          throw new Error(`The inbound SMTP listener cannot listen on ${config.SMTP_INBOUND_HOST}:${config.SMTP_INBOUND_PORT} (SMTP_INBOUND_PORT; SMTP_INBOUND=false turns it off): ${(error as Error).message}`);
        })
      : null;
    const imap = config.IMAP_POLL
      ? await startImapPoller(deps, { log: app.log.child({ component: 'imap' }), intervalMs: config.IMAP_POLL_INTERVAL_MS, connectTimeoutMs: config.IMAP_CONNECT_TIMEOUT_MS, onStored: readMailSoon }).catch(async (error: unknown) => {
          await smtp?.close();
          await Promise.all([outbox.stop(), webhooks.stop(), sweeper.stop(), app.close()]);
          throw error;
        })
      : null;
    if (smtp) app.log.info({ port: smtp.port }, `Caredesk receives mail on smtp://${config.SMTP_INBOUND_HOST}:${smtp.port}`);
    const db = database;
    return {
      app,
      deps,
      url: `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`,
      outbox,
      webhooks,
      sweeper,
      smtp,
      imap,
      async close() {
        clearInterval(maintenance);
        // No more mail is taken; what was answered 250 is in the database.
        await smtp?.close();
        // The message under way commits and is marked \Seen; the leases are let go for another process.
        await imap?.stop();
        // The worker writes its last outcomes before the database closes; sends it cannot wait for are left to their lease.
        // The sweeper's batch under way commits; the rows after it stay due.
        await Promise.all([outbox.stop(), webhooks.stop(), sweeper.stop(), app.close()]);
        await unlisten?.();
        if (!options.database) await db.close();
        lock?.release();
      },
    };
  } catch (error) {
    await unlisten?.().catch(() => undefined);
    if (!options.database) await database?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
}

/** PGlite has no autovacuum: vacuum and analyze on a timer, off the request path. */
function startMaintenance(deps: Deps, app: App): NodeJS.Timeout | undefined {
  const minutes = deps.config.PGLITE_VACUUM_INTERVAL_MINUTES;
  if (deps.database.engine !== 'pglite' || minutes === 0) return undefined;
  const timer = setInterval(() => {
    const started = Date.now();
    deps.database
      .maintain()
      .then(() => app.log.info({ ms: Date.now() - started }, 'vacuum (analyze) done'))
      .catch((error: unknown) => app.log.error({ err: error }, 'vacuum failed'));
  }, minutes * 60_000);
  timer.unref();
  return timer;
}
