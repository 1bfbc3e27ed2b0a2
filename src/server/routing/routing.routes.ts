import type { App, Deps } from '../platform/deps.ts';
import { verificationRoutes } from '../verification/verification.routes.ts';
import { routingRulesRoutes } from './routing-rules.routes.ts';

/** Routing rules, and verifying or rejecting tickets that wait for verification before they are routed. */
export function routingRoutes(app: App, deps: Deps): void {
  routingRulesRoutes(app, deps);
  verificationRoutes(app, deps);
}
