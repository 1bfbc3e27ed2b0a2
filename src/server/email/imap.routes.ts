import { z } from 'zod';
import { idParams } from '../../contract/admin.ts';
import { errors } from '../../contract/common.ts';
import { createImapMailboxBody, imapConnectionBody, imapMailbox, imapMailboxList, imapTestResult, patchImapMailboxBody } from '../../contract/imap.ts';
import { requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { changeImapMailbox, createImapMailbox, deleteImapMailbox, getImapMailbox, getImapMailboxes, testImapMailbox, testImapSettings } from './imap-mailboxes.service.ts';

const tags = ['inbound mail'];
const testDescription =
  'Connects, logs in and opens the folder (read-only), within IMAP_CONNECT_TIMEOUT_MS. The answer is 200 either way: ok says whether every step ' +
  "succeeded, stage where it stopped, error the server's own answer (or the network's error) at that step.";

/** Departments' IMAP mailboxes (issue 7, admin): their settings, how polling went, and a connection test. */
export function imapRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/admin/imap-mailboxes', {
    schema: { tags, summary: 'IMAP mailboxes with how their last poll went (admin)', response: { 200: imapMailboxList, ...errors(401, 403) } },
    handler: async (request) => ({ items: await getImapMailboxes(deps, requireAdmin(request).orgId), next_cursor: null }),
  });
  app.post('/api/v1/admin/imap-mailboxes', {
    config: { audit: 'imap_mailbox' },
    schema: {
      tags,
      summary: "Add a department's IMAP mailbox (admin)",
      description: 'Its unread messages are read into tickets of the department from then on and marked \\Seen once stored.',
      body: createImapMailboxBody,
      response: { 201: imapMailbox, ...errors(400, 401, 403, 409) },
    },
    handler: async (request, reply) => reply.code(201).send(await createImapMailbox(deps, requireAdmin(request).orgId, request.body)),
  });
  app.post('/api/v1/admin/imap-mailboxes/test', {
    schema: { tags, summary: 'Test IMAP settings before saving them: the server’s answers (admin)', description: testDescription, body: imapConnectionBody, response: { 200: imapTestResult, ...errors(400, 401, 403) } },
    handler: async (request) => {
      requireAdmin(request);
      return testImapSettings(deps, request.body);
    },
  });
  app.get('/api/v1/admin/imap-mailboxes/:id', {
    schema: { tags, summary: 'One IMAP mailbox (admin)', params: idParams, response: { 200: imapMailbox, ...errors(400, 401, 403, 404) } },
    handler: async (request) => getImapMailbox(deps, requireAdmin(request).orgId, request.params.id),
  });
  app.patch('/api/v1/admin/imap-mailboxes/:id', {
    config: { audit: 'imap_mailbox' },
    schema: {
      tags,
      summary: 'Change an IMAP mailbox; a password left out is kept (admin)',
      description: 'Another host, port, account or folder is read as a new mailbox: its unread messages from then on.',
      params: idParams,
      body: patchImapMailboxBody,
      response: { 200: imapMailbox, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (request) => changeImapMailbox(deps, requireAdmin(request).orgId, request.params.id, request.body),
  });
  app.delete('/api/v1/admin/imap-mailboxes/:id', {
    config: { audit: 'imap_mailbox' },
    schema: { tags, summary: 'Stop reading an IMAP mailbox and forget its settings (admin)', params: idParams, response: { 204: z.null().describe('Deleted'), ...errors(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await deleteImapMailbox(deps, requireAdmin(request).orgId, request.params.id);
      return reply.code(204).send(null);
    },
  });
  app.post('/api/v1/admin/imap-mailboxes/:id/test', {
    schema: { tags, summary: "Test a saved IMAP mailbox's connection: the server’s answers (admin)", description: testDescription, params: idParams, response: { 200: imapTestResult, ...errors(400, 401, 403, 404) } },
    handler: async (request) => testImapMailbox(deps, requireAdmin(request).orgId, request.params.id),
  });
}
