import { z } from 'zod';
import { createDepartmentBody, department, idParams, patchDepartmentBody } from '../../contract/admin.ts';
import { errors } from '../../contract/common.ts';
import { requireActor, requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { changeDepartment, createDepartment, deleteDepartment, getDepartment, getDepartments } from './departments.service.ts';

export function departmentsRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/departments', {
    schema: { tags: ['departments'], summary: 'Departments with their members', response: { 200: z.object({ items: z.array(department), next_cursor: z.null() }), ...errors(401) } },
    handler: async (request) => ({ items: await getDepartments(deps, requireActor(request).orgId), next_cursor: null }),
  });
  app.post('/api/v1/departments', {
    config: { audit: 'department' },
    schema: { tags: ['departments'], summary: 'Add a department (admin)', body: createDepartmentBody, response: { 201: department, ...errors(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.code(201).send(await createDepartment(deps, requireAdmin(request).orgId, request.body)),
  });
  app.get('/api/v1/departments/:id', {
    schema: { tags: ['departments'], summary: 'One department', params: idParams, response: { 200: department, ...errors(400, 401, 404) } },
    handler: async (request) => getDepartment(deps, requireActor(request).orgId, request.params.id),
  });
  app.patch('/api/v1/departments/:id', {
    config: { audit: 'department' },
    schema: { tags: ['departments'], summary: 'Change a department and its members (admin)', params: idParams, body: patchDepartmentBody, response: { 200: department, ...errors(400, 401, 403, 404, 409) } },
    handler: async (request) => changeDepartment(deps, requireAdmin(request).orgId, request.params.id, request.body),
  });
  app.delete('/api/v1/departments/:id', {
    config: { audit: 'department' },
    schema: {
      tags: ['departments'],
      summary: 'Delete a department nothing refers to (admin)',
      description:
        'Its members (their "my departments") and its own escalation levels go with it. A department that tickets, SLA policies, routing rules, ' +
        "another department's escalation levels, an IMAP mailbox or a review location rule refer to is 409, naming them in the message and in details.used_by.",
      params: idParams,
      response: { 204: z.null().describe('Deleted'), ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      await deleteDepartment(deps, requireAdmin(request).orgId, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
