import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
}

/** Prometheus request counts and latencies by route; gauges are filled by `collect` at scrape time. */
export function installMetrics(app: FastifyInstance, collectTicketCounts: () => Promise<Record<string, number>>, queueDepth: () => number): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'caredesk_' });
  const requests = new Counter({
    name: 'caredesk_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'caredesk_http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'caredesk_tickets',
    help: 'Tickets by status bucket, all workspaces',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [status, n] of Object.entries(await collectTicketCounts())) this.set({ status }, n);
    },
  });
  new Gauge({
    name: 'caredesk_db_queue_depth',
    help: 'Queries waiting for a database connection',
    registers: [registry],
    collect() {
      this.set(queueDepth());
    },
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  return registry;
}
