// Direct database access for the benchmark: a pg Pool or one PGlite instance, no Kysely, no app code but the list of extensions the migrations need.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { pgliteExtensions } from '../src/server/platform/db/database.ts';

export type Engine = 'postgres' | 'pglite';
export type Row = Record<string, unknown>;
export type QueryFn = (text: string, params?: unknown[]) => Promise<Row[]>;

/** Where a seeded workspace lives: a PostgreSQL database, or a server data directory holding `pglite/`. */
export interface Location {
  engine: Engine;
  databaseUrl?: string;
  dataDir?: string;
}

export interface SqlEngine {
  readonly engine: Engine;
  /** One statement on any connection. */
  query: QueryFn;
  /** A transaction on one connection (exclusive on PGlite). */
  transaction<T>(fn: (query: QueryFn) => Promise<T>): Promise<T>;
  /** One pinned connection for session settings (`set …`) and a run of statements. */
  session<T>(fn: (query: QueryFn) => Promise<T>): Promise<T>;
  /** How many sessions can really run at once. */
  readonly parallelism: number;
  /** The PGlite instance (for the Kysely capture driver), when the engine is PGlite. */
  readonly pglite?: PGlite;
  /** The pg pool, when the engine is PostgreSQL. */
  readonly pool?: pg.Pool;
  close(): Promise<void>;
}

const INT8 = 20;
const toNumber = (value: string): number => Number(value);

export const pgliteFilesOf = (dataDir: string) => path.join(dataDir, 'pglite');

export async function openSqlEngine(location: Location, poolSize = 10): Promise<SqlEngine> {
  if (location.engine === 'postgres') {
    const pool = new pg.Pool({
      connectionString: location.databaseUrl,
      max: poolSize,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8 ? toNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    pool.on('error', () => undefined);
    const withClient = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      try {
        return await fn(client);
      } finally {
        client.release();
      }
    };
    const queryOn = (client: pg.Pool | pg.PoolClient): QueryFn => async (text, params) => (await client.query(text, params as unknown[])).rows as Row[];
    return {
      engine: 'postgres',
      pool,
      parallelism: poolSize,
      query: queryOn(pool),
      session: (fn) => withClient((client) => fn(queryOn(client))),
      transaction: (fn) =>
        withClient(async (client) => {
          await client.query('begin');
          try {
            const result = await fn(queryOn(client));
            await client.query('commit');
            return result;
          } catch (error) {
            await client.query('rollback').catch(() => undefined);
            throw error;
          }
        }),
      close: () => pool.end(),
    };
  }
  const pglite = await PGlite.create({
    dataDir: pgliteFilesOf(location.dataDir as string),
    extensions: pgliteExtensions,
    parsers: { [INT8]: toNumber },
  });
  const query: QueryFn = async (text, params) => (await pglite.query<Row>(text, params)).rows;
  return {
    engine: 'pglite',
    pglite,
    parallelism: 1,
    query,
    // PGlite is one connection: settings made here hold for every later statement.
    session: (fn) => fn(query),
    transaction: (fn) => pglite.transaction((tx) => fn(async (text, params) => (await tx.query<Row>(text, params)).rows)),
    close: () => pglite.close(),
  };
}

/** Quotes a value as an SQL literal (only for text the benchmark itself generates). */
export const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;
export const textArray = (values: readonly string[]): string => `array[${values.map(literal).join(',')}]::text[]`;
