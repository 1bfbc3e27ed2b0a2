import { errors } from '../../contract/common.ts';
import { jobList } from '../../contract/jobs.ts';
import { requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { listJobs } from './jobs.service.ts';

/** The admin's view of the background jobs (DESIGN.md §5 "Background work"). */
export function jobsRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/admin/jobs', {
    schema: {
      tags: ['jobs'],
      summary: "The background sweeper's duties (auto-close, pending reminders, …) and their last runs (admin)",
      response: { 200: jobList, ...errors(401, 403) },
    },
    handler: async (request) => listJobs(deps, requireAdmin(request).orgId),
  });
}
