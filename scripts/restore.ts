/**
 * npm run restore -- FILE
 *
 * Loads a backup (a plain SQL dump from `npm run backup` or pg_dump) into an EMPTY target:
 * the embedded data directory of DATA_DIR (through PGlite), or the PostgreSQL database of
 * DATABASE_URL (through psql). A target that holds workspaces or tickets is refused. A target
 * that only has the empty schema (a server was started on it) has that schema replaced.
 * All or nothing: the load runs in one transaction.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { syncTree } from '../src/server/platform/db/wal-sync.ts';
import { CliError, libpqTarget, lockEmbedded, readConfig, runCli, runClient, seconds, userPath } from './lib/cli.ts';
import { openPGlite } from './lib/open-pglite.ts';
import { createdObjects, DumpFormatError, splitDump } from './lib/sql-dump.ts';

const usage = 'Usage: npm run restore -- FILE   (into the empty database of DATA_DIR, or of DATABASE_URL when set)';

type Query = <R>(text: string) => Promise<R[]>;

interface TargetState {
  tables: string[];
  workspaces: number;
  tickets: number;
}

async function inspect(query: Query): Promise<TargetState> {
  const tables = (
    await query<{ name: string }>(
      `select c.relname as name from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
    )
  ).map((r) => r.name);
  const count = async (table: string) =>
    tables.includes(table) ? Number((await query<{ n: number | string }>(`select count(*) as n from public.${table}`))[0].n) : 0;
  return { tables, workspaces: await count('workspaces'), tickets: await count('tickets') };
}

function refuseNonEmpty(state: TargetState, where: string, hint: string): void {
  if (state.workspaces > 0 || state.tickets > 0) {
    throw new CliError(
      `${where} is not empty: it holds ${state.workspaces} workspace(s) and ${state.tickets} ticket(s). ` +
        `A restore only goes into an empty database, so that nothing is overwritten or mixed: ${hint}`,
    );
  }
}

/** Drops what the dump is about to create (the target has no data: checked before). */
function dropStatements(dump: string): string {
  const { tables, functions, sequences } = createdObjects(dump);
  const lines: string[] = [];
  if (tables.length) lines.push(`drop table if exists ${tables.map((t) => `public.${t}`).join(', ')} cascade;`);
  for (const f of functions) lines.push(`drop function if exists public.${f} cascade;`);
  for (const s of sequences) lines.push(`drop sequence if exists public.${s} cascade;`);
  return lines.join('\n');
}

async function summary(query: Query): Promise<string> {
  const [row] = await query<{ workspaces: number | string; tickets: number | string; missing: number | string }>(
    `select (select count(*) from public.workspaces) as workspaces,
            (select count(*) from public.tickets) as tickets,
            (select count(*) from public.workspaces w where to_regclass('public.ticket_seq_' || w.org_id) is null) as missing`,
  );
  const missing = Number(row.missing);
  return (
    `${row.workspaces} workspace(s), ${row.tickets} ticket(s)` +
    (missing ? `\nWarning: ${missing} workspace(s) have no ticket number sequence (ticket_seq_<org_id>); new tickets there will fail.` : '')
  );
}

await runCli(async () => {
  let positionals: string[];
  let values;
  try {
    ({ values, positionals } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${usage}`);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  if (positionals.length !== 1) throw new CliError(usage);
  const file = userPath(positionals[0]);
  if (!existsSync(file)) throw new CliError(`No such file: ${file}`);
  const dump = readFileSync(file, 'utf8');
  if (!/^CREATE TABLE public\.workspaces \(/m.test(dump)) {
    throw new CliError(`${file} is not a Caredesk backup: it does not create the table public.workspaces (expected a plain SQL dump from npm run backup or pg_dump)`);
  }
  const config = readConfig();
  const started = Date.now();

  if (config.engine === 'postgres') {
    const url = config.DATABASE_URL as string;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let state: TargetState;
    try {
      state = await inspect(async (text) => (await client.query(text)).rows);
      refuseNonEmpty(state, `The PostgreSQL database ${new URL(url).pathname.slice(1)}`, 'create a new one (createdb …) and point DATABASE_URL at it.');
    } finally {
      await client.end();
    }
    const target = libpqTarget(url);
    const resetFile = path.join(tmpdir(), `caredesk-restore-reset-${process.pid}.sql`);
    const reset = state.tables.length > 0;
    if (reset) writeFileSync(resetFile, `set client_min_messages = warning;\n${dropStatements(dump)}\n`);
    try {
      await runClient(
        'psql',
        ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', `--output=${devNull}`, `--dbname=${target.url}`, ...(reset ? ['-f', resetFile] : []), '-f', file],
        target.env,
      );
    } finally {
      rmSync(resetFile, { force: true });
    }
    const after = new pg.Client({ connectionString: url });
    await after.connect();
    try {
      console.log(`Restored ${await summary(async (text) => (await after.query(text)).rows)} into PostgreSQL from ${file} in ${seconds(started)}`);
    } finally {
      await after.end();
    }
    return;
  }

  const dir = path.join(config.dataDir, 'pglite');
  const notes: string[] = [];
  let segments;
  try {
    segments = splitDump(dump, notes);
  } catch (error) {
    if (error instanceof DumpFormatError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
  const lock = lockEmbedded(config.dataDir);
  try {
    const db = await openPGlite(dir);
    const query: Query = async (text) => (await db.query(text)).rows as never[];
    let result: string;
    try {
      const state = await inspect(query);
      refuseNonEmpty(state, `The embedded database in ${dir}`, 'point DATA_DIR at a new directory.');
      await db.exec('begin');
      let at = 0;
      let current: (typeof segments)[number] | null = null;
      try {
        // Only Caredesk lives in an embedded data directory: an empty schema left by a server start goes.
        if (state.tables.length) await db.exec('drop schema public cascade; create schema public;');
        for (const segment of segments) {
          current = segment;
          at = segment.line;
          if (segment.kind === 'sql') await db.exec(segment.text);
          else await db.query(segment.statement, [], { blob: new Blob([segment.data]) });
        }
        await db.exec('commit');
      } catch (error) {
        await db.exec('rollback').catch(() => undefined);
        // PostgreSQL points at the failing character of the text it was sent; turn that into a line of the file.
        const position = Number((error as { position?: string }).position);
        if (current?.kind === 'sql' && position > 0) at = current.line + (current.text.slice(0, position - 1).match(/\n/g)?.length ?? 0);
        throw new CliError(`Restore failed at line ${at} of ${file}: ${(error as Error).message}\nNothing was restored.`);
      }
      result = await summary(query);
    } finally {
      await db.close();
    }
    await syncTree(dir);
    for (const note of notes) console.log(`Note: ${note}`);
    console.log(`Restored ${result} into the embedded database in ${dir} from ${file} in ${seconds(started)}`);
  } finally {
    lock.release();
  }
});
