import { idParams } from '../../contract/admin.ts';
import { errors } from '../../contract/common.ts';
import { escalationLevels, escalationLevelsBody } from '../../contract/escalation.ts';
import { requireActor, requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { getEscalationLevels, setEscalationLevels } from './escalation-levels.service.ts';

const tags = ['service levels'];

/** A department's escalation levels (the "process flow"), fired by the sweeper's escalation duty. */
export function escalationLevelsRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/departments/:id/escalation-levels', {
    schema: { tags, summary: "A department's escalation levels, level 1 first", params: idParams, response: { 200: escalationLevels, ...errors(400, 401, 404) } },
    handler: async (request) => getEscalationLevels(deps, requireActor(request).orgId, request.params.id),
  });
  app.put('/api/v1/departments/:id/escalation-levels', {
    config: { audit: 'escalation_levels' },
    schema: {
      tags,
      summary: "Replace a department's escalation levels (admin)",
      description:
        "Once a ticket of the department is past its escalation time (its earliest unmet SLA due time) and its clock runs, level 1 fires after its delay in business time, then level 2 after its longer delay, and so on. " +
        'Each level raises the ticket\'s escalation_level with an `escalated` history event by the system, tells the agents and department it names (else the assignee, else the department) in the app and by mail, ' +
        'and may reassign the ticket or raise its priority. A ticket answered or resolved in time for what is due next stops escalating (level back to 0). Tickets already overdue follow the new levels.',
      params: idParams,
      body: escalationLevelsBody,
      response: { 200: escalationLevels, ...errors(400, 401, 403, 404) },
    },
    handler: async (request) => setEscalationLevels(deps, requireAdmin(request).orgId, request.params.id, request.body),
  });
}
