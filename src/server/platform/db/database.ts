import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { PGliteDialect, PGliteDriver } from './pglite-dialect.ts';
import { WalSync, syncTree } from './wal-sync.ts';

/** Exclusive raw access for scripts that Kysely cannot send as one statement (migrations, dumps). */
export interface RawClient {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  exec(script: string): Promise<void>;
}

export interface Database {
  readonly db: Kysely<DB>;
  readonly engine: 'pglite' | 'postgres';
  withRawClient<T>(fn: (client: RawClient) => Promise<T>): Promise<T>;
  /** VACUUM (ANALYZE); on PGlite also a checkpoint and an fsync of every data file. */
  maintain(): Promise<void>;
  /** Queries waiting for the embedded database (0 on PostgreSQL, which has a pool). */
  queueDepth(): number;
  /**
   * Receives the payloads NOTIFYed on `channel` by any process on this database, after their
   * transaction committed. `onGap` runs when notifications may have been missed (a reconnect).
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface ListenHandlers {
  onMessage(payload: string): void;
  onGap(): void;
}

const INT8 = 20;
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const toNumber = (value: string): number => Number(value);

export interface OpenOptions {
  /** Directory for PGlite's files; `null` keeps the database in memory (tests). */
  pgliteDir?: string | null;
  databaseUrl?: string;
  poolSize?: number;
  /** fsync the WAL after each write transaction (PGlite only). */
  fsync?: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPGlite(options);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? toNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', () => undefined); // an idle client's error surfaces on its next use
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    async withRawClient(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: async (text, params) => (await client.query(text, params)).rows,
          exec: async (script) => {
            await client.query(script);
          },
        });
      } finally {
        client.release();
      }
    },
    async maintain() {
      await sql`vacuum (analyze)`.execute(db);
    },
    queueDepth: () => pool.waitingCount,
    listen: (channel, handlers) => listenOnPostgres(url, channel, handlers),
    close: () => db.destroy(),
  };
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to queries in between);
 * reconnects with a growing pause when the connection is lost, and reports the gap.
 */
async function listenOnPostgres(url: string, channel: string, handlers: ListenHandlers): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let pause = 250;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === channel && n.payload) handlers.onMessage(n.payload);
    });
    c.on('error', () => reconnect(c));
    c.on('end', () => reconnect(c));
    await c.connect();
    await c.query(`listen ${quoteIdent(channel)}`);
    client = c;
    pause = 250;
  };
  const reconnect = (lost: pg.Client) => {
    if (stopped || client !== lost) return;
    client = null;
    lost.end().catch(() => undefined);
    const attempt = () => {
      retry = undefined;
      if (stopped) return;
      connect().then(
        () => handlers.onGap(),
        () => {
          pause = Math.min(pause * 2, 10_000);
          retry = setTimeout(attempt, pause);
          retry.unref();
        },
      );
    };
    retry = setTimeout(attempt, pause);
    retry.unref();
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => undefined);
  };
}

/** The extensions the migrations create; every opener of an embedded data directory loads them. */
export const pgliteExtensions = { pg_trgm, btree_gin, unaccent };

async function openPGlite(options: OpenOptions): Promise<Database> {
  const dir = options.pgliteDir ?? null;
  const pglite = await PGlite.create({
    ...(dir ? { dataDir: dir } : {}),
    extensions: pgliteExtensions,
    parsers: { [INT8]: toNumber },
  });
  const walSync = dir && options.fsync !== false ? new WalSync(dir) : null;
  const driver = new PGliteDriver(pglite, walSync);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(driver) });
  const withRawClient: Database['withRawClient'] = async (fn) => {
    // Holding a Kysely connection holds our queue, so nothing interleaves with the raw client.
    const result = await db.connection().execute(() =>
      fn({
        query: async (text, params) => (await pglite.query(text, params)).rows as never[],
        exec: async (script) => {
          await pglite.exec(script);
        },
      }),
    );
    await walSync?.sync();
    return result;
  };
  return {
    db,
    engine: 'pglite',
    withRawClient,
    async maintain() {
      await withRawClient(async (c) => {
        await c.exec('vacuum (analyze)');
        await c.exec('checkpoint');
      });
      if (dir && walSync) await syncTree(path.resolve(dir));
    },
    queueDepth: () => driver.waiting,
    // One session: its own NOTIFYs reach its own LISTEN, delivered after the commit.
    listen: async (channel, handlers) => pglite.listen(channel, (payload) => handlers.onMessage(payload)),
    async close() {
      await db.destroy();
      // PGlite's shutdown checkpoint writes pg_control and data files without fsync.
      if (dir && walSync) await syncTree(path.resolve(dir));
    },
  };
}
