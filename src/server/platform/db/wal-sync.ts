import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * PGlite's file-system layer drops every fsync, so a commit it acknowledges may sit only in the
 * OS page cache. After each write transaction we fsync the WAL segments that changed, and the
 * WAL directory when segments appeared, before the caller gets its answer. Concurrent commits
 * share one flush (group commit): a request made while a flush runs waits for the next one.
 */
const MTIME_GRANULARITY_MS = 100;

export class WalSync {
  readonly #walDir: string;
  readonly #seen = new Map<string, string>();
  /** When the last successful flush began: a write stamped well before it was covered by it. */
  #lastFlushStarted = Number.NEGATIVE_INFINITY;
  #next: Promise<void> | null = null;
  #running: Promise<void> | null = null;
  flushes = 0;

  constructor(dataDir: string) {
    this.#walDir = path.join(dataDir, 'pg_wal');
  }

  /** Resolves once every commit made before the call is on stable storage. */
  sync(): Promise<void> {
    if (this.#next) return this.#next;
    const previous = this.#running ?? Promise.resolve();
    const flush: Promise<void> = previous
      .catch(() => undefined)
      .then(async () => {
        this.#next = null;
        this.#running = flush;
        try {
          await this.#flushOnce();
        } finally {
          if (this.#running === flush) this.#running = null;
        }
      });
    this.#next = flush;
    return flush;
  }

  async #flushOnce(): Promise<void> {
    const started = Date.now();
    // mtime comes from a coarse clock (a few ms per tick on many kernels): a commit written in the
    // tick of the previous flush leaves mtime and size unchanged, so recent files are always flushed.
    const coveredBefore = this.#lastFlushStarted - MTIME_GRANULARITY_MS;
    const names = (await readdir(this.#walDir)).filter((n) => /^[0-9A-F]{24}$/.test(n));
    let directoryChanged = false;
    await Promise.all(
      names.map(async (name) => {
        const file = path.join(this.#walDir, name);
        const s = await stat(file);
        const signature = `${s.mtimeMs}:${s.size}`;
        const before = this.#seen.get(name);
        if (before === signature && s.mtimeMs < coveredBefore) return;
        if (before === undefined) directoryChanged = true;
        const handle = await open(file, 'r+');
        try {
          await handle.datasync();
        } finally {
          await handle.close();
        }
        this.#seen.set(name, signature);
      }),
    );
    if (directoryChanged) await syncDirectory(this.#walDir);
    this.#lastFlushStarted = started;
    this.flushes += 1;
  }
}

/** fsyncs every file below a directory: used after checkpoints, which write the data files. */
export async function syncTree(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  await Promise.all(
    entries.map(async (e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return syncTree(full);
      if (!e.isFile()) return;
      const handle = await open(full, 'r+');
      try {
        await handle.datasync();
      } finally {
        await handle.close();
      }
    }),
  );
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
