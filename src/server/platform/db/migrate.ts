import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../migrations');
// Any constant works; it only has to be the same in every process of this application.
const MIGRATION_LOCK = 72_640_331;

/**
 * Applies pending migrations in order, each once. All of it runs in one transaction holding an
 * advisory lock, so two processes starting together apply them once and neither sees half.
 */
export async function migrate(database: Database): Promise<string[]> {
  const files = (await readdir(migrationsDir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return database.withRawClient(async (client) => {
    await client.exec('begin');
    try {
      await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.exec(
        'create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())',
      );
      const applied = new Set(
        (await client.query<{ version: string }>('select version from schema_migrations')).map((r) => r.version),
      );
      const done: string[] = [];
      for (const file of files) {
        const version = file.replace(/\.sql$/, '');
        if (applied.has(version)) continue;
        await client.exec(await readFile(path.join(migrationsDir, file), 'utf8'));
        await client.query('insert into schema_migrations (version) values ($1)', [version]);
        done.push(version);
      }
      await client.exec('commit');
      return done;
    } catch (error) {
      await client.exec('rollback');
      throw error;
    }
  });
}
