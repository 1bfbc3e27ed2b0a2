import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../contract/admin.ts';
import { errors } from '../../contract/common.ts';
import { customerUser } from '../../contract/customers.ts';
import { customerImportBody, customerImportLimits, customerImportQuery, customerImportResult, mergeCustomerUserBody } from '../../contract/customers-bulk.ts';
import { requireActor, requireAdmin } from '../platform/actor.ts';
import { sendCsv } from '../platform/csv-reply.ts';
import type { App, Deps } from '../platform/deps.ts';
import { exportCustomerUsers } from './customer-export.ts';
import { importCustomerUsers } from './customer-import.ts';
import { mergeCustomerUsers } from './customer-merge.ts';

const csvFile = z.string().describe('UTF-8 CSV with a BOM; values starting with = + - @ (phone numbers too) carry a leading \' against formula injection');

/** CSV import and export of customer users, and merging two customer users into one. */
export function customersBulkRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/customer-users/export', {
    schema: {
      tags: ['customers'],
      summary: 'All customer users as CSV (the columns the import takes), streamed',
      response: { 200: { description: 'customer-users.csv', content: { 'text/csv': { schema: csvFile } } }, ...errors(401) },
    },
    handler: async (request, reply) => {
      const { orgId } = requireActor(request);
      return sendCsv(reply, 'customer-users.csv', exportCustomerUsers(deps, orgId));
    },
  });

  app.post('/api/v1/customer-users/:id/merge', {
    schema: {
      tags: ['customers'],
      summary: 'Merge a customer user into another (the same person): their tickets move, with history; they are deleted. Admins only',
      description:
        'One transaction that holds both customer users. A ticket being created for the merged user at that moment is waited for and moved ' +
        'with the others; one created after it answers 404 (the merged user no longer exists: create it for the kept user). A change to the merged ' +
        "user sent meanwhile answers 404 too. The merged user's sign-in links stop working and their portal sessions end (401).",
      params: idParams,
      body: mergeCustomerUserBody,
      response: { 200: customerUser, ...errors(400, 401, 403, 404) },
    },
    handler: async (request) => mergeCustomerUsers(deps, requireAdmin(request), request.params.id, request.body.into),
  });

  // The one route that reads text/csv: its own scope, so the rest of the API stays JSON-only.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/customer-users/import', {
      bodyLimit: customerImportLimits.bytesMax,
      // Strangers are refused before a byte of their file is read.
      onRequest: async (request) => {
        requireActor(request);
      },
      schema: {
        tags: ['customers'],
        summary: `Import customer users from CSV (at most ${customerImportLimits.rowsMax} rows, ${customerImportLimits.bytesMax / 1024 / 1024} MB); any bad row imports nothing (422) unless skip_bad_rows`,
        consumes: ['text/csv'],
        querystring: customerImportQuery,
        body: customerImportBody,
        response: { 200: customerImportResult, ...errors(400, 401, 409, 413, 415, 422) },
      },
      handler: async (request) => importCustomerUsers(deps, requireActor(request).orgId, request.body, request.query),
    });
  });
}
