import type { App, Deps } from '../platform/deps.ts';
import { calendarsRoutes } from './calendars.routes.ts';
import { escalationLevelsRoutes } from './escalation-levels.routes.ts';
import { slaPoliciesRoutes } from './sla-policies.routes.ts';

/** Service levels: business calendars, SLA policies, escalation levels, and a ticket's SLA state. */
export function slaRoutes(app: App, deps: Deps): void {
  calendarsRoutes(app, deps);
  slaPoliciesRoutes(app, deps);
  escalationLevelsRoutes(app, deps);
}
