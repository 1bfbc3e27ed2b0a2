import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SelectQueryNode,
  type OperationNode,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { WalSync } from './wal-sync.ts';

/**
 * PGlite is a single connection: a query sent while another request holds a transaction would
 * run inside that transaction. Every connection is therefore handed out through one FIFO queue,
 * which also keeps the API fair under load.
 */
class Queue {
  #tail: Promise<void> = Promise.resolve();
  waiting = 0;

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const turn = this.#tail.then(() => {
      this.waiting -= 1;
      return release;
    });
    this.waiting += 1;
    this.#tail = this.#tail.then(() => held);
    return turn;
  }
}

const readOnlyKinds = new Set(['SelectQueryNode']);
const readOnlyRaw = /^\s*(select|show|explain|begin|commit|rollback|set)\b/i;
const rawWith = /^\s*with\b/i;
const rawWriteWord = /\b(insert|update|delete|merge)\b/i;

// A select whose CTEs insert, update or delete (`with t as (insert … returning …) select …`) writes.
const writesInCtes = (node: OperationNode): boolean =>
  SelectQueryNode.is(node) && (node.with?.expressions.some((cte) => !readOnlyKinds.has(cte.expression.kind) || writesInCtes(cte.expression)) ?? false);

/** Whether a statement may write, so its transaction must reach the disk before it is answered. */
export function isWrite(query: CompiledQuery): boolean {
  if (readOnlyKinds.has(query.query.kind)) return writesInCtes(query.query);
  if (query.query.kind === 'RawNode') return rawWith.test(query.sql) ? rawWriteWord.test(query.sql) : !readOnlyRaw.test(query.sql);
  return true;
}

class PGliteConnection implements DatabaseConnection {
  readonly #pg: PGlite;
  inTransaction = false;
  wrote = false;

  constructor(pg: PGlite) {
    this.#pg = pg;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (isWrite(query)) this.wrote = true;
    const result = await this.#pg.query<R>(query.sql, query.parameters as unknown[], { rowMode: 'object' });
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined && !readOnlyKinds.has(query.query.kind)
        ? { numAffectedRows: BigInt(affected) }
        : {}),
    };
  }

  // PGlite returns whole results; streaming is done by paging in the callers instead.
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on PGlite; page with a cursor instead');
  }
}

export class PGliteDriver implements Driver {
  readonly #pg: PGlite;
  readonly #walSync: WalSync | null;
  readonly #queue = new Queue();
  readonly #releases = new WeakMap<PGliteConnection, () => void>();

  constructor(pg: PGlite, walSync: WalSync | null) {
    this.#pg = pg;
    this.#walSync = walSync;
  }

  get waiting(): number {
    return this.#queue.waiting;
  }

  async init(): Promise<void> {
    await this.#pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#queue.acquire();
    const connection = new PGliteConnection(this.#pg);
    this.#releases.set(connection, release);
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as PGliteConnection;
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await c.executeQuery(CompiledQuery.raw(`begin${isolation}`));
    c.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as PGliteConnection;
    await c.executeQuery(CompiledQuery.raw('commit'));
    c.inTransaction = false;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as PGliteConnection;
    await c.executeQuery(CompiledQuery.raw('rollback'));
    c.inTransaction = false;
    c.wrote = false;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as PGliteConnection;
    if (c.inTransaction) {
      // A transaction left open would swallow the next request's queries.
      await c.executeQuery(CompiledQuery.raw('rollback')).catch(() => undefined);
      c.wrote = false;
    }
    const release = this.#releases.get(c);
    this.#releases.delete(c);
    release?.();
    // The queue moves on while we wait for the disk; the caller answers only once it is durable.
    if (c.wrote && this.#walSync) await this.#walSync.sync();
  }

  async destroy(): Promise<void> {
    const release = await this.#queue.acquire();
    try {
      if (!this.#pg.closed) await this.#pg.close();
    } finally {
      release();
    }
  }
}

export class PGliteDialect implements Dialect {
  readonly #driver: PGliteDriver;

  constructor(driver: PGliteDriver) {
    this.#driver = driver;
  }

  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return this.#driver;
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
