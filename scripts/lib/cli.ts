import { spawn } from 'node:child_process';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/server/platform/config.ts';
import { DataDirLockedError, lockDataDir } from '../../src/server/platform/db/data-dir-lock.ts';

/** An error meant for the operator: printed as is, without a stack, exit code 1. */
export class CliError extends Error {}

/** Runs a command-line entry point: clear messages for expected failures, a stack for bugs. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof CliError || error instanceof DataDirLockedError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}

export function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

/** Locks the embedded data directory like the server does; a running server makes this fail. */
export const lockEmbedded = (dataDir: string) => lockDataDir(dataDir);

/**
 * libpq takes the password from PGPASSWORD, so it does not show in the process list
 * (`ps`) the way a password inside a connection URL on the command line would.
 */
export function libpqTarget(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) {
    env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = '';
  }
  return { url: url.toString(), env };
}

/** Runs a PostgreSQL client program; a missing program gets an install hint instead of ENOENT. */
export function runClient(program: 'pg_dump' | 'psql', args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(
          new CliError(
            `${program} was not found on PATH. Backup and restore on PostgreSQL use the PostgreSQL client programs: ` +
              'install them in the version of your server or newer (Debian/Ubuntu: apt install postgresql-client; macOS: brew install libpq).',
          ),
        );
      } else reject(error);
    });
    child.on('close', (code) => {
      if (code === 0) {
        if (stderr.trim()) process.stderr.write(stderr);
        resolve();
        return;
      }
      const hint = /server version mismatch/.test(stderr) ? '\nInstall the PostgreSQL client of the server\'s major version (or newer).' : '';
      reject(new CliError(`${program} failed (exit code ${code}):\n${stderr.trim()}${hint}`));
    });
  });
}

/** Writes a file completely or not at all: to a temporary name, flushed, then renamed. */
export function writeFileAtomic(file: string, content: string): void {
  const temp = `${file}.partial-${process.pid}`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  renameSync(temp, file);
}

/** `npm run` starts scripts in the package root; paths the user typed are relative to where they typed them. */
export const userPath = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

export const formatBytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`);
export const seconds = (startedAt: number) => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
