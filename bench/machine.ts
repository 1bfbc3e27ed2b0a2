// The machine may be shared: how much CPU did processes other than the benchmark's own tree
// (and PostgreSQL) use while a scenario ran? Read from /proc, Linux only; elsewhere it reads 0.
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const TICKS_PER_SECOND = 100;

interface ProcSample {
  ppid: number;
  comm: string;
  ticks: number;
}

function readProcs(): Map<number, ProcSample> {
  const procs = new Map<number, ProcSample>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return procs;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      // After "pid (comm) ": state ppid … utime is the 12th, stime the 13th field.
      procs.set(Number(entry), { ppid: Number(fields[1]), comm, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended between readdir and read.
    }
  }
  return procs;
}

function ourTree(procs: Map<number, ProcSample>): Set<number> {
  const ours = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, p] of procs) {
      if (!ours.has(pid) && ours.has(p.ppid)) {
        ours.add(pid);
        grew = true;
      }
    }
  }
  return ours;
}

export interface CpuSnapshot {
  at: number;
  procs: Map<number, ProcSample>;
}

export const snapshotCpu = (): CpuSnapshot => ({ at: performance.now(), procs: readProcs() });

/**
 * A PostgreSQL backend's title names its database ("postgres: 15/main: user db host(port) state");
 * one serving another database is another's load. Background workers count as ours.
 */
function isOtherDatabase(pid: number, ourDatabase: string | null): boolean {
  try {
    const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    const m = /^postgres: [^:]+: (\S+) (\S+) \S+\(\d+\)/.exec(title);
    return m !== null && m[2] !== ourDatabase;
  } catch {
    return false;
  }
}

export interface CpuBreakdown {
  seconds: number;
  /** CPU-seconds of the benchmark process itself (the load generator, or the raw SQL client). */
  client: number;
  /** CPU-seconds of its child processes (the server, or the bare-route process). */
  children: number;
  /** CPU-seconds of PostgreSQL serving the benchmark's database (backends and background workers). */
  postgres: number;
  /** CPU-seconds of everything else on the machine. */
  others: number;
}

/**
 * Where the CPU went between two snapshots. Processes that started in between are counted from
 * zero; PostgreSQL backends of other databases count as others' load.
 */
export function cpuBreakdown(before: CpuSnapshot, after: CpuSnapshot, ourDatabase: string | null = null): CpuBreakdown {
  const ours = ourTree(after.procs);
  const b: CpuBreakdown = { seconds: (after.at - before.at) / 1000, client: 0, children: 0, postgres: 0, others: 0 };
  for (const [pid, p] of after.procs) {
    const used = (p.ticks - (before.procs.get(pid)?.ticks ?? 0)) / TICKS_PER_SECOND;
    if (used <= 0) continue;
    if (pid === process.pid) b.client += used;
    else if (ours.has(pid)) b.children += used;
    else if (p.comm === 'postgres' && !isOtherDatabase(pid, ourDatabase)) b.postgres += used;
    else b.others += used;
  }
  return b;
}

/** Share of the whole machine (all cores) used by other processes between two snapshots. */
export function foreignShare(before: CpuSnapshot, after: CpuSnapshot, ourDatabase: string | null = null): number {
  const b = cpuBreakdown(before, after, ourDatabase);
  return b.seconds > 0 ? b.others / (b.seconds * availableParallelism()) : 0;
}

/** Waits (up to `maxMs`) for a second in which other processes use less than `busy` of the CPU. */
export async function waitForQuiet(ourDatabase: string | null, busy: number, maxMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const before = snapshotCpu();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const share = foreignShare(before, snapshotCpu(), ourDatabase);
    if (share < busy || performance.now() - started >= maxMs) return share;
  }
}
