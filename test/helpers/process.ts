import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiClient } from './client.ts';

/** The repository root and the Node that runs the server (the project's own, which runs .ts directly). */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const nodeBin = path.join(root, 'node_modules/.bin/node');
export const mainScript = path.join(root, 'src/server/main.ts');

export const ADMIN_EMAIL = 'process-admin@example.com';
export const ADMIN_PASSWORD = 'correct-horse-battery';

// Settings the server reads; the test's own environment must not leak into a child.
const configKeys = [
  'PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'DATABASE_POOL_SIZE', 'PUBLIC_URL', 'LOG_LEVEL',
  'CAREDESK_ADMIN_EMAIL', 'CAREDESK_ADMIN_PASSWORD', 'CAREDESK_ADMIN_NAME', 'CAREDESK_SIGNUP', 'CAREDESK_DEMO',
  'SESSION_TTL_HOURS', 'TRUST_PROXY', 'PGLITE_FSYNC', 'PGLITE_VACUUM_INTERVAL_MINUTES',
];

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  /** The process spawned (node itself, or a wrapper such as strace around it). */
  readonly child: ChildProcess;
  /** The PID of the server's own Node process, from its log line (differs from child.pid under a wrapper). */
  readonly pid: number;
  readonly url: string;
  /** Milliseconds from spawn to the "Caredesk is serving" line. */
  readonly startMs: number;
  readonly exited: Promise<Exit>;
  output(): { stdout: string; stderr: string };
  client(): ApiClient;
  /** A client signed in as the bootstrap admin (CAREDESK_ADMIN_EMAIL). */
  login(): Promise<ApiClient>;
  /** SIGKILL the server: no shutdown code runs, as in a crash or an OOM kill. */
  kill9(): Promise<Exit>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<Exit>;
}

export interface SpawnOptions {
  dataDir?: string;
  databaseUrl?: string;
  env?: Record<string, string>;
  /** A command put before node, e.g. ['strace', '-f', '-o', file]. */
  wrapper?: string[];
  /** How long to wait for the server to come up. */
  timeoutMs?: number;
}

const live = new Set<ChildProcess>();
/** Server PIDs seen in their log line: under a wrapper (strace) they are not the child's PID. */
const serverPids = new Set<number>();

/** Every server this module started and that is still running is SIGKILLed (for afterAll / afterEach). */
export async function killAllStarted(): Promise<void> {
  for (const pid of serverPids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  serverPids.clear();
  await Promise.all(
    [...live].map(async (child) => {
      const done = new Promise((resolve) => child.once('exit', resolve));
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      else return;
      await done;
    }),
  );
}

const tempDirs: string[] = [];

/** A new directory under the OS temp dir, removed by removeTempDirs(). */
export function tempDir(prefix = 'caredesk-proc-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Removes the directories tempDir() made (a data directory is ~40 MB); KEEP_TEST_DIRS=1 keeps them. */
export function removeTempDirs(): void {
  if (process.env.KEEP_TEST_DIRS) return;
  for (const dir of tempDirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.strace`, { force: true });
  }
}

function childEnv(options: SpawnOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of configKeys) delete env[key];
  delete env.NODE_OPTIONS; // vitest's loader hooks are not for the child
  return {
    ...env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    PGLITE_VACUUM_INTERVAL_MINUTES: '0',
    // Any free port: servers started at once must not share 2525.
    SMTP_INBOUND_PORT: '0',
    CAREDESK_ADMIN_EMAIL: ADMIN_EMAIL,
    CAREDESK_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ...(options.dataDir ? { DATA_DIR: options.dataDir } : {}),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
}

/** Starts `node src/server/main.ts` as a child process; without waiting for it to serve. */
export function spawnRaw(options: SpawnOptions = {}): { child: ChildProcess; exited: Promise<Exit>; output(): { stdout: string; stderr: string } } {
  const [command, ...args] = [...(options.wrapper ?? []), nodeBin, mainScript];
  const child = spawn(command, args, { cwd: root, env: childEnv(options), stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, exited, output: () => ({ stdout, stderr }) };
}

const servingLine = /"pid":(\d+).*"msg":"Caredesk is serving (http:\/\/[^ "]+)/;

/** Starts the real server as a child process and resolves once it logs that it serves. */
export async function spawnServer(options: SpawnOptions = {}): Promise<ServerProcess> {
  const started = performance.now();
  const raw = spawnRaw(options);
  const { child, exited, output } = raw;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const serving = await new Promise<{ pid: number; url: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms\n${output().stdout}\n${output().stderr}`));
    }, timeoutMs);
    const onData = () => {
      const m = servingLine.exec(output().stdout);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({ pid: Number(m[1]), url: m[2] });
    };
    child.stdout!.on('data', onData);
    void exited.then((e) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${e.code ?? e.signal}) before serving\n${output().stdout}\n${output().stderr}`));
    });
  });
  const startMs = performance.now() - started;
  serverPids.add(serving.pid);
  void exited.then(() => serverPids.delete(serving.pid));
  const signalServer = (signal: NodeJS.Signals) => {
    try {
      process.kill(serving.pid, signal);
    } catch {
      // already gone
    }
  };
  return {
    child,
    pid: serving.pid,
    url: serving.url,
    startMs,
    exited,
    output,
    client: () => new ApiClient(serving.url),
    async login() {
      const client = new ApiClient(serving.url);
      const res = await client.post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
      return client;
    },
    async kill9() {
      signalServer('SIGKILL');
      return exited;
    },
    async stop() {
      signalServer('SIGTERM');
      const timer = setTimeout(() => signalServer('SIGKILL'), 15_000);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Polls GET path until it answers 200; returns the milliseconds it took from `since`. */
export async function waitFor200(url: string, since = performance.now(), timeoutMs = 30_000): Promise<number> {
  for (;;) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Whether a process with this PID exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a command can be run (e.g. strace). */
export function hasCommand(command: string, probe = ['-V']): boolean {
  const r = spawnSync(command, probe, { stdio: 'ignore' });
  return !r.error && r.status === 0;
}
