import { sql } from 'kysely';
import { z } from 'zod';
import type { App, Deps } from '../platform/deps.ts';
import { installMetrics } from '../platform/http/metrics.ts';

export function operationsRoutes(app: App, deps: Deps): void {
  const registry = installMetrics(
    app,
    async () => {
      const rows = await deps.db
        .selectFrom('ticket_counts')
        .select(['bucket', (eb) => eb.fn.sum<number>('n').as('n')])
        .groupBy('bucket')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.bucket, Number(r.n)]));
    },
    () => deps.database.queueDepth(),
  );

  app.get('/healthz', {
    schema: { tags: ['operations'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/readyz', {
    schema: {
      tags: ['operations'],
      summary: 'The database answers',
      response: { 200: z.object({ status: z.literal('ready'), database: z.string() }), 503: z.object({ status: z.literal('unavailable'), database: z.string() }) },
    },
    handler: async (request, reply) => {
      try {
        await sql`select 1`.execute(deps.db);
        return { status: 'ready' as const, database: deps.database.engine };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return reply.code(503).send({ status: 'unavailable', database: deps.database.engine });
      }
    },
  });

  app.get('/metrics', {
    schema: { tags: ['operations'], summary: 'Prometheus metrics: requests, latencies, tickets by status', produces: ['text/plain'] },
    handler: async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  });

  app.get('/api/openapi.json', {
    schema: { tags: ['operations'], summary: 'This OpenAPI 3.1 document' },
    handler: async () => app.swagger(),
  });
}
