import { mkdirSync, mkdtempSync, openSync, closeSync, rmSync, statSync, utimesSync, writeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WalSync } from './wal-sync.ts';

/**
 * The file handles WalSync opens are wrapped so the tests can see every datasync (which file,
 * when it starts and ends) and can hold a flush in the middle of its datasync.
 */
const io = vi.hoisted(() => ({
  events: [] as { op: 'datasync' | 'dirsync'; file: string; phase: 'start' | 'end' }[],
  /** While set, every datasync waits for it: a slow disk under our control. */
  gate: null as Promise<void> | null,
  onDatasync: null as (() => void) | null,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof actual.open = (async (file: string, flags?: string, mode?: number) => {
    const handle = await actual.open(file, flags, mode);
    const name = String(file);
    return {
      async datasync() {
        io.events.push({ op: 'datasync', file: name, phase: 'start' });
        io.onDatasync?.();
        if (io.gate) await io.gate;
        await handle.datasync();
        io.events.push({ op: 'datasync', file: name, phase: 'end' });
      },
      async sync() {
        io.events.push({ op: 'dirsync', file: name, phase: 'start' });
        await handle.sync();
        io.events.push({ op: 'dirsync', file: name, phase: 'end' });
      },
      close: () => handle.close(),
    };
  }) as never;
  return { ...actual, default: { ...actual, open }, open };
});

const SEGMENT_1 = '000000010000000000000001';
const SEGMENT_2 = '000000010000000000000002';
let dataDir: string;
let walDir: string;

/** A commit: bytes written in place into a preallocated segment, as PostgreSQL does (size unchanged). */
function commit(segment = SEGMENT_1, at = 0): void {
  const fd = openSync(path.join(walDir, segment), 'r+');
  try {
    writeSync(fd, `commit ${Math.random()}`, at);
  } finally {
    closeSync(fd);
  }
}

const datasyncs = (segment = SEGMENT_1) => io.events.filter((e) => e.op === 'datasync' && e.phase === 'start' && e.file.endsWith(segment)).length;

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

beforeEach(() => {
  io.events.length = 0;
  io.gate = null;
  io.onDatasync = null;
  dataDir = mkdtempSync(path.join(tmpdir(), 'walsync-'));
  walDir = path.join(dataDir, 'pg_wal');
  mkdirSync(walDir);
  writeFileSync(path.join(walDir, SEGMENT_1), Buffer.alloc(64 * 1024));
  mkdirSync(path.join(walDir, 'archive_status'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('WalSync', () => {
  it('lets many concurrent sync() calls share one flush', async () => {
    const wal = new WalSync(dataDir);
    commit();
    const calls = Array.from({ length: 100 }, () => wal.sync());
    expect(new Set(calls).size).toBe(1);
    await Promise.all(calls);
    expect(wal.flushes).toBe(1);
    expect(datasyncs()).toBe(1);
  });

  it('groups a stream of commits from many clients into few flushes', async () => {
    const wal = new WalSync(dataDir);
    // Each datasync takes a few milliseconds, as on a real disk.
    io.onDatasync = () => {
      io.gate = new Promise((r) => setTimeout(r, 3));
    };
    const clients = 40;
    const commitsEach = 10;
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let i = 0; i < commitsEach; i++) {
          commit(SEGMENT_1, c * 64);
          await wal.sync();
          await new Promise((r) => setImmediate(r));
        }
      }),
    );
    // Every client waits for at most the flush running when it asked and the next one.
    expect(wal.flushes).toBeLessThanOrEqual(2 * commitsEach + 1);
    expect(wal.flushes).toBeGreaterThanOrEqual(commitsEach);
  });

  it('makes a sync requested during a running flush wait for the next flush', async () => {
    const wal = new WalSync(dataDir);
    commit();
    const slowDisk = deferred();
    const inDatasync = deferred();
    io.gate = slowDisk.promise;
    io.onDatasync = inDatasync.resolve;

    const first = wal.sync();
    await inDatasync.promise; // the first flush has read the directory and is flushing
    commit(); // a commit lands while that flush runs...
    const second = wal.sync(); // ...and its caller asks for durability
    const third = wal.sync();
    expect(second).not.toBe(first);
    expect(third).toBe(second);

    let secondDone = false;
    void second.then(() => {
      secondDone = true;
    });
    io.onDatasync = null;
    io.gate = null;
    slowDisk.resolve();
    await first;
    expect(wal.flushes).toBe(1);
    expect(secondDone).toBe(false);

    await second;
    expect(wal.flushes).toBe(2);
    expect(datasyncs()).toBe(2);
    // The second flush started only after the first had finished.
    const order = io.events.filter((e) => e.op === 'datasync').map((e) => e.phase);
    expect(order).toEqual(['start', 'end', 'start', 'end']);
  });

  it('does not flush again a segment that no commit has touched for long', async () => {
    // A recycled or finished segment last written an hour ago: flushed once, then left alone.
    const old = path.join(walDir, SEGMENT_2);
    writeFileSync(old, Buffer.alloc(64 * 1024));
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(old, anHourAgo, anHourAgo);
    const wal = new WalSync(dataDir);
    for (let i = 0; i < 5; i++) {
      commit();
      await wal.sync();
    }
    expect(wal.flushes).toBe(5);
    expect(datasyncs(SEGMENT_1)).toBe(5);
    expect(datasyncs(SEGMENT_2)).toBeLessThanOrEqual(1);
  });

  it('flushes again after a commit even when the segment mtime did not move (coarse timestamps)', async () => {
    // Many kernels stamp mtime from a clock that ticks every few milliseconds: a commit written
    // within the same tick as the previous flush leaves mtime and size exactly as they were.
    const file = path.join(walDir, SEGMENT_1);
    const wal = new WalSync(dataDir);
    const tick = new Date(); // the clock tick both commits and the first flush fall into
    commit();
    utimesSync(file, tick, tick);
    await wal.sync();
    const before = statSync(file);

    commit(); // the next commit, in the same clock tick
    utimesSync(file, tick, tick);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(file).size).toBe(before.size);

    await wal.sync();
    expect(datasyncs()).toBe(2);
  });

  it('fsyncs the WAL directory when a new segment appears', async () => {
    const wal = new WalSync(dataDir);
    commit();
    await wal.sync();
    const dirSyncs = () => io.events.filter((e) => e.op === 'dirsync' && e.phase === 'start' && e.file === walDir).length;
    expect(dirSyncs()).toBe(1);

    commit();
    await wal.sync();
    expect(dirSyncs()).toBe(1); // same segment: the directory did not change

    writeFileSync(path.join(walDir, SEGMENT_2), Buffer.alloc(64 * 1024));
    await wal.sync();
    expect(dirSyncs()).toBe(2);
    expect(datasyncs(SEGMENT_2)).toBe(1);
  });

  it('rejects the waiters of a failed flush and runs a fresh flush on the next sync', async () => {
    const wal = new WalSync(dataDir);
    rmSync(walDir, { recursive: true });
    await expect(wal.sync()).rejects.toThrow(/ENOENT/);
    mkdirSync(walDir);
    writeFileSync(path.join(walDir, SEGMENT_1), Buffer.alloc(1024));
    await expect(wal.sync()).resolves.toBeUndefined();
    expect(wal.flushes).toBe(1);
    expect(datasyncs()).toBe(1);
  });
});
