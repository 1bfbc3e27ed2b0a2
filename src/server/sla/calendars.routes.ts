import { z } from 'zod';
import { idParams } from '../../contract/admin.ts';
import { errors } from '../../contract/common.ts';
import { calendar, calendarBody, calendarChoiceBody, defaultCalendar, departmentCalendar, importHolidaysBody, importHolidaysResult } from '../../contract/sla.ts';
import { requireActor, requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import {
  changeCalendar,
  chooseDefaultCalendar,
  chooseDepartmentCalendar,
  createCalendar,
  deleteCalendar,
  getCalendar,
  getCalendars,
  getDefaultCalendar,
  importHolidays,
} from './calendars.service.ts';

const tags = ['service levels'];

/** Business calendars: hours, holidays, and which calendar the workspace and each department count in. */
export function calendarsRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/calendars', {
    schema: { tags, summary: 'Business calendars, with what uses each', response: { 200: z.object({ items: z.array(calendar), next_cursor: z.null() }), ...errors(401) } },
    handler: async (request) => ({ items: await getCalendars(deps, requireActor(request).orgId), next_cursor: null }),
  });
  app.post('/api/v1/calendars', {
    config: { audit: 'calendar' },
    schema: {
      tags,
      summary: 'Add a business calendar (admin)',
      description: 'Working hours per weekday in local wall-clock time (several ranges a day, 24:00 ends a day), holidays as local dates, or always_open for 24×7. A bad range, an unknown time zone or no working time at all is 400 at its field.',
      body: calendarBody,
      response: { 201: calendar, ...errors(400, 401, 403, 409) },
    },
    handler: async (request, reply) => reply.code(201).send(await createCalendar(deps, requireAdmin(request).orgId, request.body)),
  });
  app.get('/api/v1/calendars/default', {
    schema: { tags, summary: "The workspace's default calendar (none: 24×7 in the workspace time zone)", response: { 200: defaultCalendar, ...errors(401) } },
    handler: async (request) => getDefaultCalendar(deps, requireActor(request).orgId),
  });
  app.put('/api/v1/calendars/default', {
    config: { audit: 'calendar' },
    schema: { tags, summary: "Set the workspace's default calendar, or none (admin)", body: calendarChoiceBody, response: { 200: defaultCalendar, ...errors(400, 401, 403) } },
    handler: async (request) => chooseDefaultCalendar(deps, requireAdmin(request).orgId, request.body.calendar_id),
  });
  app.get('/api/v1/calendars/:id', {
    schema: { tags, summary: 'One business calendar', params: idParams, response: { 200: calendar, ...errors(400, 401, 404) } },
    handler: async (request) => getCalendar(deps, requireActor(request).orgId, request.params.id),
  });
  app.put('/api/v1/calendars/:id', {
    config: { audit: 'calendar' },
    schema: { tags, summary: 'Replace a business calendar (admin); the active tickets are planned again at the next sweep', params: idParams, body: calendarBody, response: { 200: calendar, ...errors(400, 401, 403, 404, 409) } },
    handler: async (request) => changeCalendar(deps, requireAdmin(request).orgId, request.params.id, request.body),
  });
  app.delete('/api/v1/calendars/:id', {
    config: { audit: 'calendar' },
    schema: { tags, summary: 'Delete a business calendar (admin); one in use by the workspace, a department or an SLA policy is 409 naming them', params: idParams, response: { 204: z.null().describe('Deleted'), ...errors(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await deleteCalendar(deps, requireAdmin(request).orgId, request.params.id);
      return reply.code(204).send(null);
    },
  });
  app.post('/api/v1/calendars/:id/holidays/import', {
    config: { audit: 'calendar' },
    schema: {
      tags,
      summary: 'Import holidays into a calendar from a JSON list of dates (admin)',
      description: 'Body: {"holidays": ["2026-12-25", {"date": "2026-12-26", "name": "Boxing Day"}], "replace": false}. Dates are local to the calendar. Without replace they are added to the holidays it has; a date it has already keeps its place and takes the new name, if one is given.',
      params: idParams,
      body: importHolidaysBody,
      response: { 200: importHolidaysResult, ...errors(400, 401, 403, 404) },
    },
    handler: async (request) => importHolidays(deps, requireAdmin(request).orgId, request.params.id, request.body),
  });
  app.put('/api/v1/departments/:id/calendar', {
    config: {
      audit: 'department',
      auditBefore: async (request) => {
        const id = (request.params as { id: number }).id;
        const row = await deps.db.selectFrom('departments').select('calendar_id').where('org_id', '=', requireAdmin(request).orgId).where('id', '=', id).executeTakeFirst();
        return row ? { department_id: id, calendar_id: row.calendar_id } : null;
      },
    },
    schema: { tags, summary: "Set a department's own calendar, which overrides the workspace's, or none (admin)", params: idParams, body: calendarChoiceBody, response: { 200: departmentCalendar, ...errors(400, 401, 403, 404) } },
    handler: async (request) => chooseDepartmentCalendar(deps, requireAdmin(request).orgId, request.params.id, request.body.calendar_id),
  });
}
