import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { errors } from '../../contract/common.ts';
import { maintenanceResult, systemInfo, type SystemInfo } from '../../contract/system.ts';
import { requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { hitRateLimit } from '../platform/http/rate-limit.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

const packageJson = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../package.json');
const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
const startedAt = new Date();

const isoOf = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

async function databaseFacts(db: Db) {
  const { rows } = await sql<{ size: string; version: string; vacuumed: Date | null; analyzed: Date | null; workspaces: string }>`
    select pg_database_size(current_database())::text as size, current_setting('server_version') as version,
      (select count(*) from workspaces)::text as workspaces,
      (select max(greatest(last_vacuum, last_autovacuum)) from pg_stat_user_tables) as vacuumed,
      (select max(greatest(last_analyze, last_autoanalyze)) from pg_stat_user_tables) as analyzed`.execute(db);
  return rows[0];
}

async function countsBy<T extends string>(db: Db, table: 'outbox' | 'webhook_deliveries', orgId: number, statuses: readonly T[]): Promise<Record<T, number>> {
  const rows = await db
    .selectFrom(table)
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('org_id', '=', orgId)
    .where('status', 'in', statuses as never)
    .groupBy('status')
    .execute();
  return Object.fromEntries(statuses.map((s) => [s, Number(rows.find((r) => r.status === s)?.n ?? 0)])) as Record<T, number>;
}

/** The system's health for admins: version, database size and maintenance, what waits to be sent. */
export function systemRoutes(app: App, deps: Deps): void {
  const engine = deps.database.engine === 'pglite' ? 'pglite' : 'postgresql';
  app.get('/api/v1/admin/system', {
    schema: { tags: ['admin'], summary: "The system's version, database size and maintenance, and this workspace's queues (admin)", response: { 200: systemInfo, ...errors(401, 403) } },
    handler: async (request): Promise<SystemInfo> => {
      const orgId = requireAdmin(request).orgId;
      const [facts, outbox, deliveries] = await Promise.all([
        databaseFacts(deps.db),
        countsBy(deps.db, 'outbox', orgId, ['queued', 'sending', 'failed', 'kept'] as const),
        countsBy(deps.db, 'webhook_deliveries', orgId, ['queued', 'failed'] as const),
      ]);
      return {
        version,
        node_version: process.versions.node,
        started_at: startedAt.toISOString(),
        database: {
          engine,
          server_version: facts.version,
          // The size of a database several workspaces share is the operator's figure, not one workspace's.
          size_bytes: Number(facts.workspaces) > 1 ? null : Number(facts.size),
          last_vacuum_at: isoOf(facts.vacuumed),
          last_analyze_at: isoOf(facts.analyzed),
          vacuum_interval_minutes: engine === 'pglite' ? deps.config.PGLITE_VACUUM_INTERVAL_MINUTES : null,
        },
        outbox,
        webhook_deliveries: deliveries,
      };
    },
  });
  app.post('/api/v1/admin/system/maintenance', {
    config: { audit: 'system', auditAction: 'maintenance' },
    schema: {
      tags: ['admin'],
      summary: 'Vacuum and analyze the embedded database now (admin; once a minute per server, else 429); 409 on PostgreSQL, which autovacuum keeps',
      response: { 200: maintenanceResult, ...errors(401, 403, 409, 429) },
    },
    handler: async (request) => {
      requireAdmin(request);
      if (engine !== 'pglite') throw new AppError('conflict', "PostgreSQL vacuums by itself (autovacuum); run VACUUM from your database tools if you need it now");
      // One run at a time for the whole server, whichever workspace's admin asks: a vacuum reads every table.
      await hitRateLimit(deps.db, { key: 'system:maintenance', max: 1, windowSeconds: 60 }, deps.clock.now());
      const started = Date.now();
      await deps.database.maintain();
      return { ms: Date.now() - started, last_vacuum_at: isoOf((await databaseFacts(deps.db)).vacuumed) };
    },
  });
}
