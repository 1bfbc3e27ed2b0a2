import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitDump } from '../scripts/lib/sql-dump.ts';
import type { AgentActor } from '../src/server/platform/actor.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { lockDataDir } from '../src/server/platform/db/data-dir-lock.ts';
import { openDatabase, type Database } from '../src/server/platform/db/database.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import type { Deps } from '../src/server/platform/deps.ts';
import { addMessage } from '../src/server/tickets/messages.service.ts';
import { createTicket } from '../src/server/tickets/tickets.service.ts';
import { transitionTicket } from '../src/server/tickets/transitions.service.ts';
import { createWorkspace } from '../src/server/workspaces/workspaces.service.ts';
import { testEngine } from './helpers/database.ts';

const root = path.resolve(import.meta.dirname, '..');
const node = path.join(root, 'node_modules/.bin/node');

/** Runs scripts/<name>.ts as `npm run` would, with only the given database settings. */
function runScript(name: 'backup' | 'restore', args: string[], env: Record<string, string>, cwd = root): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _url, DATA_DIR: _dir, INIT_CWD: _cwd, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(node, [path.join(root, 'scripts', `${name}.ts`), ...args], { cwd, env: { ...inherited, LOG_LEVEL: 'silent', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const tricky = "Line one\n\\connect evil\nCOPY tickets FROM stdin;\n$$ it's 'quoted' $$ -- not a comment\n/* nor this */ ;";

async function fillSource(database: Database, dataDir: string): Promise<void> {
  const deps: Deps = { config: loadConfig({ DATA_DIR: dataDir }), database, db: database.db, clock: systemClock };
  for (const [slug, n] of [['shop', 3], ['other', 2]] as const) {
    const { orgId, adminId } = await createWorkspace(deps, { name: `Shop ${slug}`, slug, admin: { name: 'Ada', email: `ada@${slug}.test`, password: 'correct-horse-battery' } });
    const actor: AgentActor = { kind: 'agent', orgId, agentId: adminId, role: 'admin', name: 'Ada', sessionId: null };
    for (let i = 0; i < n; i += 1) {
      const { ticket } = await createTicket(deps, actor, {
        subject: `Broken kettle ${i}`,
        description: i === 0 ? tricky : 'Arrived broken',
        priority: 'high',
        category: 'Damage',
        customer: { name: 'Budi Santoso', email: `budi@${slug}.test`, phone: '+62 812 3456 7890' },
        tags: ['b2b'],
      });
      if (i === 1) {
        await transitionTicket(deps, actor, ticket.number, { to: 'pending', reason: 'Waiting for photos', waiting_on: 'customer' });
        await addMessage(deps, actor, ticket.number, { body: 'Please send photos', visibility: 'public' });
      }
    }
  }
}

/** What must survive a backup: rows of every table that matters, and the ticket numbering. */
async function snapshot(query: (sql: string) => Promise<any[]>) {
  const rows = async (sql: string) => JSON.parse(JSON.stringify(await query(sql)));
  return {
    workspaces: await rows('select org_id, slug, name from workspaces order by org_id'),
    agents: await rows('select org_id, id, email, password_hash from agents order by org_id, id'),
    tickets: await rows(
      'select org_id, id, seq, number, subject, description, status, priority, tags, pending_reason, version, created_at, search::text as search from tickets order by org_id, id',
    ),
    messages: await rows('select org_id, id, ticket_id, body from messages order by org_id, id'),
    events: await rows('select org_id, id, ticket_id, type, before, after from ticket_events order by org_id, id'),
    counts: await rows('select org_id, bucket, channel, sum(n)::int as n from ticket_counts group by 1, 2, 3 order by 1, 2, 3'),
  };
}

/** Creates one ticket per workspace on a restored database and returns their numbers. */
async function nextNumbers(database: Database, dataDir: string): Promise<string[]> {
  await migrate(database);
  const deps: Deps = { config: loadConfig({ DATA_DIR: dataDir }), database, db: database.db, clock: systemClock };
  const admins = await database.db.selectFrom('agents').select(['org_id', 'id']).orderBy('org_id').execute();
  const numbers: string[] = [];
  for (const a of admins) {
    const actor: AgentActor = { kind: 'agent', orgId: a.org_id, agentId: a.id, role: 'admin', name: 'Ada', sessionId: null };
    numbers.push((await createTicket(deps, actor, { subject: 'After the restore', description: '', priority: 'low' })).ticket.number);
  }
  return numbers;
}

const year = new Date().getFullYear();

describe('splitDump', () => {
  it('finds COPY blocks and psql commands only outside quotes', () => {
    const dump = [
      '\\restrict abc',
      "INSERT INTO t VALUES ('a\n\\connect x\nCOPY t FROM stdin;\n');",
      "CREATE FUNCTION f() RETURNS text AS $body$ select '\n\\q' $body$ LANGUAGE sql;",
      '-- COPY t FROM stdin;',
      'COPY public.t (a, b) FROM stdin;',
      '1\thello\\nworld',
      '\\.',
      "SELECT E'it\\'s';",
      '\\unrestrict abc',
      '',
    ].join('\n');
    const segments = splitDump(dump);
    expect(segments.map((s) => s.kind)).toEqual(['sql', 'copy', 'sql']);
    expect(segments[0]).toMatchObject({ kind: 'sql', line: 2 });
    expect((segments[0] as { text: string }).text).toContain('\\connect x\nCOPY t FROM stdin;');
    expect(segments[1]).toEqual({ kind: 'copy', statement: "COPY public.t (a, b) FROM '/dev/blob'", data: '1\thello\\nworld\n', line: 9 });
    expect((segments[2] as { text: string }).text.trim()).toBe("SELECT E'it\\'s';");
  });

  it('refuses psql commands the embedded restore cannot run', () => {
    expect(() => splitDump('SELECT 1;\n\\i other.sql\n')).toThrow(/line 2: the psql command \\i/);
  });
});

describe('backup and restore', () => {
  let work: string;
  let source: string;
  let backupFile: string;
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'caredesk-backup-test-'));
    source = path.join(work, 'source');
    mkdirSync(source);
    const db = await openDatabase({ pgliteDir: path.join(source, 'pglite'), fsync: false });
    await migrate(db);
    await fillSource(db, source);
    before = await snapshot(async (sql) => (await sql_(db, sql)) as any[]);
    await db.close();
    // The backup: its default name, in the current directory.
    const res = await runScript('backup', [], { DATA_DIR: source }, work);
    expect(res.code, res.stderr).toBe(0);
    const name = readdirSync(work).find((f) => f.endsWith('.sql'));
    expect(name).toMatch(/^caredesk-backup-\d{8}T\d{6}Z\.sql$/);
    backupFile = path.join(work, name as string);
    expect(res.stdout).toContain(`Backup written to ${backupFile}`);
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('writes a plain SQL dump that older PostgreSQL versions load', () => {
    const text = readFileSync(backupFile, 'utf8');
    expect(text).toContain('CREATE TABLE public.tickets (');
    expect(text).toMatch(/SELECT pg_catalog\.setval\('public\.ticket_seq_1', 3, true\);/);
    expect(text).not.toContain('transaction_timeout');
    expect(text).not.toMatch(/^\\(un)?restrict/m);
  });

  it('fails clearly while a server holds the data directory', async () => {
    const lock = lockDataDir(source);
    try {
      const res = await runScript('backup', ['--out', path.join(work, 'locked.sql')], { DATA_DIR: source });
      expect(res.code).toBe(1);
      expect(res.stderr).toContain(`is in use by another Caredesk process (PID ${process.pid})`);
    } finally {
      lock.release();
    }
  });

  describe.skipIf(testEngine() === 'postgres')('embedded', () => {
    it('restores into a fresh data directory: same rows, numbering continues', async () => {
      const target = path.join(work, 'restored');
      const res = await runScript('restore', [backupFile], { DATA_DIR: target });
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain('Restored 2 workspace(s), 5 ticket(s)');
      const db = await openDatabase({ pgliteDir: path.join(target, 'pglite'), fsync: false });
      try {
        expect(await snapshot(async (sql) => (await sql_(db, sql)) as any[])).toEqual(before);
        expect(before.tickets[0].description).toBe(tricky);
        expect(await nextNumbers(db, target)).toEqual([`${year}0004`, `${year}0003`]);
      } finally {
        await db.close();
      }
      // A second restore into the now non-empty directory is refused and changes nothing.
      const again = await runScript('restore', [backupFile], { DATA_DIR: target });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('is not empty: it holds 2 workspace(s) and 7 ticket(s)');
    });
  });

  describe.skipIf(testEngine() !== 'postgres' || !process.env.TEST_DATABASE_URL)('PostgreSQL', () => {
    const admin = () => new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    const created: string[] = [];
    const freshDatabase = async () => {
      const name = `caredesk_restore_${process.pid}_${created.length}_${Date.now() % 100_000}`;
      const c = admin();
      await c.connect();
      await c.query(`create database ${name}`);
      await c.end();
      created.push(name);
      const url = new URL(process.env.TEST_DATABASE_URL as string);
      url.pathname = `/${name}`;
      return url.toString();
    };

    afterAll(async () => {
      const c = admin();
      await c.connect();
      for (const name of created) await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    });

    it('loads the embedded backup into a fresh PostgreSQL database with psql, and back again with pg_dump', async () => {
      const url = await freshDatabase();
      const res = await runScript('restore', [backupFile], { DATABASE_URL: url });
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain('Restored 2 workspace(s), 5 ticket(s) into PostgreSQL');
      const db = await openDatabase({ databaseUrl: url, poolSize: 2 });
      try {
        expect(await snapshot(async (sql) => (await sql_(db, sql)) as any[])).toEqual(before);
      } finally {
        await db.close();
      }
      const refused = await runScript('restore', [backupFile], { DATABASE_URL: url });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('is not empty');

      // pg_dump's own output (COPY blocks, \restrict) restores into an embedded data directory.
      const pgBackup = path.join(work, 'from-postgres.sql');
      const dumped = await runScript('backup', ['--out', pgBackup], { DATABASE_URL: url });
      expect(dumped.code, dumped.stderr).toBe(0);
      const target = path.join(work, 'from-postgres');
      const restored = await runScript('restore', [pgBackup], { DATA_DIR: target });
      expect(restored.code, restored.stderr).toBe(0);
      const embedded = await openDatabase({ pgliteDir: path.join(target, 'pglite'), fsync: false });
      try {
        expect(await snapshot(async (sql) => (await sql_(embedded, sql)) as any[])).toEqual(before);
        expect(await nextNumbers(embedded, target)).toEqual([`${year}0004`, `${year}0003`]);
      } finally {
        await embedded.close();
      }
    });
  });
});

const sql_ = (database: Database, text: string) => database.withRawClient((c) => c.query(text));
