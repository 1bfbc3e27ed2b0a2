import { z } from 'zod';
import { timestamp } from './common.ts';

export const systemInfo = z
  .object({
    version: z.string().describe("Caredesk's version"),
    node_version: z.string(),
    started_at: timestamp.describe('When this server process started'),
    database: z.object({
      engine: z.enum(['pglite', 'postgresql']).describe('pglite: the embedded database in DATA_DIR'),
      server_version: z.string(),
      size_bytes: z.number().nullable().describe("The whole database; null where it holds several workspaces (the server's operator sees it)"),
      last_vacuum_at: timestamp.nullable().describe('The latest vacuum of any table (the embedded database vacuums on a timer; PostgreSQL by autovacuum)'),
      last_analyze_at: timestamp.nullable(),
      vacuum_interval_minutes: z.number().nullable().describe('The embedded database: minutes between maintenance runs (0: off); null on PostgreSQL'),
    }),
    outbox: z.object({ queued: z.number(), sending: z.number(), failed: z.number(), kept: z.number() }).describe("This workspace's mails by status"),
    webhook_deliveries: z.object({ queued: z.number(), failed: z.number() }).describe("This workspace's webhook deliveries waiting or failed"),
  })
  .meta({ id: 'SystemInfo' });
export type SystemInfo = z.infer<typeof systemInfo>;

export const maintenanceResult = z
  .object({ ms: z.number().describe('How long the vacuum and checkpoint took'), last_vacuum_at: timestamp.nullable() })
  .meta({ id: 'MaintenanceResult' });
