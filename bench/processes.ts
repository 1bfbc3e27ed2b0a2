// Child processes of the benchmark: start one, learn its URL over IPC, read its memory, stop it.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Child {
  process: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the URL message (listening). */
  listeningMs: number;
  /** Milliseconds from spawn to the first 200 from `readyPath`. */
  readyMs: number;
}

/** Starts bench/<script> with `env` added to a minimal environment and waits until it answers `readyPath`. */
export async function startChild(script: string, env: Record<string, string>, readyPath: string | null, execArgv: string[] = [], timeoutMs = 120_000): Promise<Child> {
  const started = performance.now();
  const child = fork(path.join(here, script), [], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv,
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within ${timeoutMs} ms`)), timeoutMs);
    child.once('message', (m: { url?: string }) => {
      clearTimeout(timer);
      if (m.url) resolve(m.url);
      else reject(new Error(`${script} sent ${JSON.stringify(m)}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it listened`));
    });
  });
  const listeningMs = performance.now() - started;
  if (readyPath) {
    for (;;) {
      if ((await getStatus(url + readyPath).catch(() => 0)) === 200) break;
      if (performance.now() - started > timeoutMs) throw new Error(`${script} was not ready within ${timeoutMs} ms`);
      await sleep(10);
    }
  }
  return { process: child, url, listeningMs, readyMs: performance.now() - started };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function getStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

/** Resident set size of a process in MB (VmRSS), or NaN once it is gone. */
export function rssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

/** SIGTERM (a clean shutdown), then SIGKILL if it takes longer than `graceMs`. */
export async function stopChild(child: Child | ChildProcess, graceMs = 15_000): Promise<void> {
  const p = 'process' in child ? child.process : child;
  if (p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.once('exit', () => resolve()));
  p.kill('SIGTERM');
  const timer = setTimeout(() => p.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** The child's process.memoryUsage(), asked over IPC (bench/serve.ts answers). */
export function memoryOf(child: Child, timeoutMs = 5000): Promise<NodeJS.MemoryUsage | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const onMessage = (m: { memory?: NodeJS.MemoryUsage }) => {
      if (!m.memory) return;
      clearTimeout(timer);
      child.process.off('message', onMessage);
      resolve(m.memory);
    };
    child.process.on('message', onMessage);
    child.process.send({ memory: true });
  });
}
