import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  readonly pid: number;
  constructor(dir: string, pid: number) {
    super(
      `The data directory ${dir} is in use by another Caredesk process (PID ${pid}). ` +
        'Stop that process first, or start this one with another DATA_DIR. ' +
        'Two processes on one embedded database would silently lose commits.',
    );
    this.name = 'DataDirLockedError';
    this.pid = pid;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** A file holding `pid`, fsynced, in the directory of `target`. */
function writePidFile(target: string, pid: string): string {
  const temp = `${target}.${pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, pid);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temp;
}

/**
 * Creates `target` holding `pid` if it does not exist. link(2) fails with EEXIST like O_EXCL,
 * and the file appears with its PID already in it: nobody ever sees an empty lock.
 */
function createExclusive(target: string, pid: string): boolean {
  const temp = writePidFile(target, pid);
  try {
    linkSync(temp, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/**
 * Takes an exclusive lock on a data directory: a file holding our PID, created with O_EXCL.
 * A lock whose PID is no longer alive is stale (the holder was killed) and is taken over.
 */
export function lockDataDir(dir: string): { release(): void } {
  mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'caredesk.lock');
  const mine = String(process.pid);

  if (!createExclusive(lockFile, mine)) takeOverStaleLock(dir, lockFile, mine);

  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    if (readPid(lockFile) === process.pid) {
      try {
        unlinkSync(lockFile);
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', release);
  return { release };
}

/**
 * Replaces a stale lock. Only the process that creates the takeover file (O_EXCL) may replace it,
 * and it re-reads the lock first, so two starters racing over one stale lock cannot both win.
 */
function takeOverStaleLock(dir: string, lockFile: string, mine: string): void {
  const holder = readPid(lockFile);
  if (holder !== null && holder !== process.pid && isAlive(holder)) throw new DataDirLockedError(dir, holder);
  const guard = `${lockFile}.takeover`;
  if (!createExclusive(guard, mine)) {
    const other = readPid(guard);
    if (other !== null && isAlive(other)) throw new DataDirLockedError(dir, other);
    try {
      unlinkSync(guard); // left by a starter killed mid-takeover
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return takeOverStaleLock(dir, lockFile, mine);
  }
  try {
    const current = readPid(lockFile);
    if (current !== null && current !== holder && isAlive(current)) throw new DataDirLockedError(dir, current);
    renameSync(writePidFile(lockFile, mine), lockFile);
  } finally {
    if (readPid(guard) === process.pid) unlinkSync(guard);
  }
}
