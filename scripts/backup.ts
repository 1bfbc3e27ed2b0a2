/**
 * npm run backup [-- --out FILE]
 *
 * Writes a plain SQL dump of the whole database (every workspace) that psql can load into
 * PostgreSQL and `npm run restore` can load into an embedded data directory or PostgreSQL.
 * Embedded (PGlite, DATA_DIR): the data directory is locked, so stop the server first.
 * PostgreSQL (DATABASE_URL): runs pg_dump, a consistent snapshot while the server runs.
 */
import { chmodSync, existsSync, renameSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import { CliError, formatBytes, libpqTarget, lockEmbedded, readConfig, runCli, runClient, seconds, userPath, writeFileAtomic } from './lib/cli.ts';
import { openPGlite } from './lib/open-pglite.ts';
import { makePortable } from './lib/sql-dump.ts';

const usage = 'Usage: npm run backup [-- --out FILE]   (default: caredesk-backup-<UTC timestamp>.sql in the directory you run it from)';

await runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${usage}`);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const config = readConfig();
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const out = userPath(values.out ?? `caredesk-backup-${stamp}.sql`);
  if (existsSync(out)) throw new CliError(`${out} exists already; choose another file with --out`);
  if (!existsSync(path.dirname(out))) throw new CliError(`The directory ${path.dirname(out)} does not exist`);
  const started = Date.now();

  if (config.engine === 'postgres') {
    const target = libpqTarget(config.DATABASE_URL as string);
    const temp = `${out}.partial-${process.pid}`;
    try {
      await runClient('pg_dump', ['--format=plain', '--no-owner', '--no-privileges', '--no-comments', `--file=${temp}`, `--dbname=${target.url}`], target.env);
      chmodSync(temp, 0o600);
      renameSync(temp, out);
    } finally {
      if (existsSync(temp)) unlinkSync(temp);
    }
  } else {
    const dir = path.join(config.dataDir, 'pglite');
    if (!existsSync(path.join(dir, 'PG_VERSION'))) throw new CliError(`There is no embedded database in ${dir} to back up (DATA_DIR=${config.DATA_DIR})`);
    const lock = lockEmbedded(config.dataDir);
    try {
      const pg = await openPGlite(dir);
      let dump: string;
      try {
        const version = (await pg.query<{ v: string }>("select current_setting('server_version') as v")).rows[0].v;
        const file = await pgDump({ pg, args: ['--no-owner', '--no-privileges', '--no-comments'] });
        dump = `-- Caredesk backup of the embedded database in ${dir} (PGlite, PostgreSQL ${version}), taken ${new Date().toISOString()}\n${makePortable(await file.text())}`;
      } finally {
        await pg.close();
      }
      writeFileAtomic(out, dump);
    } finally {
      lock.release();
    }
  }
  console.log(`Backup written to ${out} (${formatBytes(statSync(out).size)}, ${config.engine === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'}) in ${seconds(started)}`);
});
