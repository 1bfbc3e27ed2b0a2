import { cicHit, cicSearchQuery, dashboard, dashboardParams, preference, preferenceParams, putPreferenceBody, widgetPage, widgetParams, widgetQuery } from '../../contract/cic.ts';
import { errors, page } from '../../contract/common.ts';
import { requireActor, requireAgent } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { getDashboard, getWidget } from './cic-dashboard.ts';
import { searchCic } from './cic-search.ts';
import { getPreference, putPreference } from './preferences.service.ts';

const tags = ['customer information center'];
const subjects = [
  { kind: 'customer', path: '/api/v1/customers/:id/dashboard', who: "a customer's (company's)" },
  { kind: 'customer_user', path: '/api/v1/customer-users/:id/dashboard', who: "a customer user's" },
] as const;

/** The Customer Information Center (DESIGN.md §3): search, dashboards and their widgets, and each agent's layout. */
export function cicRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/cic/search', {
    schema: {
      tags,
      summary: 'Search customers and customer users together (customers first); at least 2 characters, * wildcards, ** lists all',
      querystring: cicSearchQuery,
      response: { 200: page(cicHit), ...errors(400, 401) },
    },
    handler: async (request) => searchCic(deps, requireActor(request).orgId, request.query),
  });
  for (const { kind, path, who } of subjects) {
    app.get(path, {
      schema: { tags, summary: `The dashboard of ${who} tickets: status counts and customer users with their open and closed counts`, params: dashboardParams, response: { 200: dashboard, ...errors(400, 401, 404) } },
      handler: async (request) => getDashboard(deps, requireActor(request).orgId, { kind, id: request.params.id }),
    });
    app.get(`${path}/:widget`, {
      schema: {
        tags,
        summary: `A ticket widget of ${who} dashboard (reminder, escalated, new, open) under a filter (my_locked, my_departments: agents only; all), with each filter's count`,
        params: widgetParams,
        querystring: widgetQuery,
        response: { 200: widgetPage, ...errors(400, 401, 404) },
      },
      handler: async (request) => getWidget(deps, requireActor(request), { kind, id: request.params.id }, request.params.widget, request.query),
    });
  }
  app.get('/api/v1/me/preferences/:key', {
    schema: { tags, summary: "The signed-in agent's own preference (cic_layout: the dashboard's widget order and hidden widgets); the default until saved", params: preferenceParams, response: { 200: preference, ...errors(400, 401, 403) } },
    handler: async (request) => getPreference(deps, requireAgent(request), request.params.key),
  });
  app.put('/api/v1/me/preferences/:key', {
    schema: { tags, summary: "Save the signed-in agent's own preference", params: preferenceParams, body: putPreferenceBody, response: { 200: preference, ...errors(400, 401, 403) } },
    handler: async (request) => putPreference(deps, requireAgent(request), request.params.key, request.body.value),
  });
}
