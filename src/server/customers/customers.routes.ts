import { idParams } from '../../contract/admin.ts';
import { errors, page } from '../../contract/common.ts';
import { createCustomerBody, createCustomerUserBody, customer, customerSearchQuery, customerUser, patchCustomerBody, patchCustomerUserBody } from '../../contract/customers.ts';
import { requireActor } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { changeCustomer, changeCustomerUser, createCustomer, createCustomerUser, findCustomerUsers, findCustomers, getCustomer, getCustomerUser } from './customers.service.ts';

export function customersRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/customers', {
    schema: { tags: ['customers'], summary: 'Customers (companies); search with * wildcards, ** lists all', querystring: customerSearchQuery, response: { 200: page(customer), ...errors(400, 401) } },
    handler: async (request) => findCustomers(deps, requireActor(request).orgId, request.query),
  });
  app.post('/api/v1/customers', {
    schema: { tags: ['customers'], summary: 'Add a customer (company)', body: createCustomerBody, response: { 201: customer, ...errors(400, 401, 409) } },
    handler: async (request, reply) => reply.code(201).send(await createCustomer(deps, requireActor(request).orgId, request.body)),
  });
  app.get('/api/v1/customers/:id', {
    schema: { tags: ['customers'], summary: 'One customer (company)', params: idParams, response: { 200: customer, ...errors(400, 401, 404) } },
    handler: async (request) => getCustomer(deps, requireActor(request).orgId, request.params.id),
  });
  app.patch('/api/v1/customers/:id', {
    schema: { tags: ['customers'], summary: 'Change a customer (attributes are replaced as a whole)', params: idParams, body: patchCustomerBody, response: { 200: customer, ...errors(400, 401, 404, 409) } },
    handler: async (request) => changeCustomer(deps, requireActor(request).orgId, request.params.id, request.body),
  });
  app.get('/api/v1/customer-users', {
    schema: { tags: ['customers'], summary: 'Customer users; search by name, email or phone with * wildcards, ** lists all', querystring: customerSearchQuery, response: { 200: page(customerUser), ...errors(400, 401) } },
    handler: async (request) => findCustomerUsers(deps, requireActor(request).orgId, request.query),
  });
  app.post('/api/v1/customer-users', {
    schema: { tags: ['customers'], summary: 'Add a customer user', body: createCustomerUserBody, response: { 201: customerUser, ...errors(400, 401, 404, 409) } },
    handler: async (request, reply) => reply.code(201).send(await createCustomerUser(deps, requireActor(request).orgId, request.body)),
  });
  app.get('/api/v1/customer-users/:id', {
    schema: { tags: ['customers'], summary: 'One customer user', params: idParams, response: { 200: customerUser, ...errors(400, 401, 404) } },
    handler: async (request) => getCustomerUser(deps, requireActor(request).orgId, request.params.id),
  });
  app.patch('/api/v1/customer-users/:id', {
    schema: { tags: ['customers'], summary: 'Change a customer user', params: idParams, body: patchCustomerUserBody, response: { 200: customerUser, ...errors(400, 401, 404, 409) } },
    handler: async (request) => changeCustomerUser(deps, requireActor(request).orgId, request.params.id, request.body),
  });
}
