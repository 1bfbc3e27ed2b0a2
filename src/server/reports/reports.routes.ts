import { z } from 'zod';
import { errors } from '../../contract/common.ts';
import { activityCsvQuery, activityQuery, activityReport as activityReportSchema, overviewCsvQuery, overviewQuery, overviewReport as overviewReportSchema } from '../../contract/reports.ts';
import { requireActor } from '../platform/actor.ts';
import { sendCsv } from '../platform/csv-reply.ts';
import type { App, Deps } from '../platform/deps.ts';
import { activityCsv, activityReport, overviewCsv, overviewReport } from './reports.service.ts';

const csvFile = z.string().describe("UTF-8 CSV with a BOM; values starting with = + - @ carry a leading ' against formula injection");
const csvAnswer = (name: string) => ({ 200: { description: name, content: { 'text/csv': { schema: csvFile } } }, ...errors(400, 401) });

const rangeNote =
  'The range is days in the workspace time zone: a preset (today, last_7_days, last_30_days, this_month) or from–to (custom, both inclusive, at most 2 years). ' +
  'Filters (department, channel, source, category, agent = assignee, priority) select tickets by what they are now. A reversed or too long range, or an unknown parameter, answers 400 naming it.';

/** Reports (issue 8; DESIGN.md §3 "Reports"): figures from the tickets' history, for agents and API keys of the workspace. */
export function reportsRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/reports/overview', {
    schema: {
      tags: ['reports'],
      summary: 'Overview: volume over time, backlog, first-response and resolution times, SLA compliance, who resolves, breakdowns, ratings',
      description: rangeNote,
      querystring: overviewQuery,
      response: { 200: overviewReportSchema, ...errors(400, 401) },
    },
    handler: async (request) => overviewReport(deps, requireActor(request).orgId, request.query),
  });

  app.get('/api/v1/reports/overview.csv', {
    schema: {
      tags: ['reports'],
      summary: 'One table of the overview (table=volume, backlog, times, sla, resolved_by, channels, categories, departments, agents, ratings) as CSV',
      description: rangeNote,
      querystring: overviewCsvQuery,
      response: csvAnswer('overview-<table>.csv'),
    },
    handler: async (request, reply) => {
      const csv = await overviewCsv(deps, requireActor(request).orgId, request.query);
      return sendCsv(reply, `overview-${request.query.table}.csv`, csv);
    },
  });

  app.get('/api/v1/reports/activity', {
    schema: {
      tags: ['reports'],
      summary: "Activity: every ticket event of the range, newest first, with who acted; a resolution names who resolved (an agent, or Customer)",
      description: `${rangeNote} actor and actor_agent select who acted, type the events.`,
      querystring: activityQuery,
      response: { 200: activityReportSchema, ...errors(400, 401) },
    },
    handler: async (request) => activityReport(deps, requireActor(request).orgId, request.query),
  });

  app.get('/api/v1/reports/activity.csv', {
    schema: {
      tags: ['reports'],
      summary: 'The activity of the range as CSV, streamed (any number of rows in constant memory)',
      description: rangeNote,
      querystring: activityCsvQuery,
      response: csvAnswer('activity.csv'),
    },
    handler: async (request, reply) => {
      const csv = await activityCsv(deps, requireActor(request).orgId, request.query);
      return sendCsv(reply, 'activity.csv', csv);
    },
  });
}
