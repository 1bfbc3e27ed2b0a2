import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

const lockModule = fileURLToPath(new URL('./data-dir-lock.ts', import.meta.url));
// The project's own Node (24, which runs .ts directly), whatever Node runs the tests.
const node = fileURLToPath(new URL('../../../../node_modules/.bin/node', import.meta.url));
// Not only installed: able to trace and inject delays here (ptrace may be forbidden in a container).
const hasStrace = spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', '-e', 'inject=getpid:delay_enter=1', 'true'], { stdio: 'ignore' }).status === 0;

let scratch: string;
let racerScript: string;
const children = new Set<ChildProcess>();
const held: { release(): void }[] = [];

/** A PID that was alive a moment ago and no longer is (a process killed with -9 leaves this). */
function deadPid(): number {
  const r = spawnSync(node, ['-e', '0']);
  return r.pid as number;
}

/** A live process that is not us: what a running Caredesk looks like from another process. */
function liveProcess(): ChildProcess {
  const child = spawn(node, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  children.add(child);
  return child;
}

const lockPath = (dir: string) => path.join(dir, 'caredesk.lock');
const newDir = () => mkdtempSync(path.join(scratch, 'dir-'));

interface RaceResult {
  won: boolean;
  pid: number;
  name?: string;
  holder?: number;
  message?: string;
}

/**
 * Starts `count` processes that all call lockDataDir(dir) at the same wall-clock moment and hold
 * what they got until their stdin closes. `wrap(i)` may put a command (strace) before a racer.
 */
async function race(dir: string, count: number, options: { wrap?: (i: number) => string[]; delayMs?: (i: number) => number } = {}) {
  const startAt = Date.now() + 800;
  const racers = Array.from({ length: count }, (_, i) => {
    const args = [node, racerScript, dir, String(startAt + (options.delayMs?.(i) ?? 0))];
    const [command, ...rest] = [...(options.wrap?.(i) ?? []), ...args];
    const child = spawn(command, rest, { stdio: ['pipe', 'pipe', 'inherit'] });
    children.add(child);
    return child;
  });
  const results = await Promise.all(
    racers.map(
      (child) =>
        new Promise<RaceResult>((resolve, reject) => {
          let out = '';
          child.stdout!.setEncoding('utf8').on('data', (d: string) => {
            out += d;
            if (out.includes('\n')) resolve(JSON.parse(out.slice(0, out.indexOf('\n'))) as RaceResult);
          });
          child.once('exit', (code) => reject(new Error(`racer exited with ${code} before answering`)));
        }),
    ),
  );
  const finish = async () => {
    await Promise.all(
      racers.map(async (child) => {
        const exited = new Promise((r) => child.once('exit', r));
        child.stdin!.end();
        await exited;
        children.delete(child);
      }),
    );
  };
  return { results, finish };
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'caredesk-lock-'));
  racerScript = path.join(scratch, 'racer.mjs');
  writeFileSync(
    racerScript,
    `import { lockDataDir } from ${JSON.stringify(lockModule)};
const [dir, startAt] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {} // every racer calls at the same moment
let result;
try {
  lockDataDir(dir);
  result = { won: true, pid: process.pid };
} catch (error) {
  result = { won: false, pid: process.pid, name: error.name, holder: error.pid, message: error.message };
}
process.stdout.write(JSON.stringify(result) + '\\n');
process.stdin.resume(); // hold the lock until the test closes our stdin
process.stdin.on('end', () => process.exit(0));
`,
  );
});

afterEach(() => {
  while (held.length) held.pop()!.release();
});

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  it('creates the lock file holding our PID, and release removes it', () => {
    const dir = newDir();
    const lock = lockDataDir(dir);
    expect(readFileSync(lockPath(dir), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(lockPath(dir))).toBe(false);
    lock.release(); // twice is harmless
  });

  it('creates a data directory that does not exist yet', () => {
    const dir = path.join(newDir(), 'a', 'b');
    held.push(lockDataDir(dir));
    expect(readFileSync(lockPath(dir), 'utf8').trim()).toBe(String(process.pid));
  });

  it('refuses a directory locked by a live process, naming its PID', () => {
    const dir = newDir();
    const other = liveProcess();
    writeFileSync(lockPath(dir), String(other.pid));
    let error: unknown;
    try {
      held.push(lockDataDir(dir));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as DataDirLockedError).pid).toBe(other.pid);
    expect((error as Error).message).toContain(`PID ${other.pid}`);
    expect((error as Error).message).toContain(dir);
    expect(readFileSync(lockPath(dir), 'utf8').trim()).toBe(String(other.pid)); // left alone
  });

  it('takes over a stale lock whose holder is dead (killed with -9)', () => {
    const dir = newDir();
    writeFileSync(lockPath(dir), String(deadPid()));
    held.push(lockDataDir(dir));
    expect(readFileSync(lockPath(dir), 'utf8').trim()).toBe(String(process.pid));
    expect(existsSync(`${lockPath(dir)}.takeover`)).toBe(false);
  });

  it('takes over when a starter was also killed in the middle of its own takeover', () => {
    const dir = newDir();
    writeFileSync(lockPath(dir), String(deadPid()));
    writeFileSync(`${lockPath(dir)}.takeover`, String(deadPid()));
    held.push(lockDataDir(dir));
    expect(readFileSync(lockPath(dir), 'utf8').trim()).toBe(String(process.pid));
    expect(existsSync(`${lockPath(dir)}.takeover`)).toBe(false);
  });

  it('release leaves alone a lock that another process holds by now', () => {
    const dir = newDir();
    const lock = lockDataDir(dir);
    const other = liveProcess();
    writeFileSync(lockPath(dir), String(other.pid));
    lock.release();
    expect(readFileSync(lockPath(dir), 'utf8').trim()).toBe(String(other.pid));
  });

  it('lets exactly one of many starters racing over one stale lock win', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = newDir();
      writeFileSync(lockPath(dir), String(deadPid()));
      const { results, finish } = await race(dir, 6);
      const winners = results.filter((r) => r.won);
      expect(winners, JSON.stringify(results)).toHaveLength(1);
      expect(readFileSync(lockPath(dir), 'utf8').trim()).toBe(String(winners[0].pid));
      const pids = results.map((r) => r.pid);
      for (const loser of results.filter((r) => !r.won)) {
        expect(loser.name, loser.message).toBe('DataDirLockedError');
        expect(pids).toContain(loser.holder);
      }
      await finish();
      expect(existsSync(lockPath(dir))).toBe(false); // the winner released it on exit
      expect(existsSync(`${lockPath(dir)}.takeover`)).toBe(false);
    }
  }, 30_000);

  it('lets exactly one of many starters racing over a fresh directory win', async () => {
    for (let round = 0; round < 2; round++) {
      const dir = newDir();
      const { results, finish } = await race(dir, 6);
      const winners = results.filter((r) => r.won);
      expect(winners, JSON.stringify(results)).toHaveLength(1);
      expect(readFileSync(lockPath(dir), 'utf8').trim()).toBe(String(winners[0].pid));
      await finish();
    }
  }, 30_000);

  // The lock file is created (O_EXCL) before the PID is written into it. A starter that looks in
  // that moment finds an empty file, reads "no holder" and replaces the lock: both then run.
  // strace widens that moment to 400 ms by delaying the first starter's write into the file.
  it('keeps the lock of a starter paused between creating the file and writing its PID', async (ctx) => {
    if (!hasStrace) ctx.skip('strace is not installed or cannot trace here (apt-get install -y strace)');
    const dir = newDir();
    const { results, finish } = await race(dir, 2, {
      wrap: (i) => (i === 0 ? ['strace', '-f', '-qq', '-o', '/dev/null', '-P', lockPath(dir), '-e', 'trace=write,pwrite64', '-e', 'inject=write,pwrite64:delay_enter=400000'] : []),
      delayMs: (i) => (i === 0 ? 0 : 100),
    });
    const winners = results.filter((r) => r.won);
    expect(winners, JSON.stringify(results)).toHaveLength(1);
    await finish();
  }, 30_000);
});
