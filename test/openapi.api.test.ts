import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type ApiResponse } from './helpers/client.ts';
import { PASSWORD, createAgent, createApiKey, createTicket, createWorkspace } from './helpers/factories.ts';
import { mailsTo, signInToPortal } from './helpers/portal.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { enqueueMail } from '../src/server/mail/enqueue.ts';
import { registeredRoutes } from './helpers/routes.ts';

// ajv comes with fastify; it validates real answers against the published JSON Schemas (2020-12, as OpenAPI 3.1 uses).
type Validator = ((data: unknown) => boolean) & { errors?: unknown };
type Ajv = { compile(schema: object): Validator; errorsText(errors?: unknown): string };
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as unknown as new (options: Record<string, unknown>) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => void;

/** Every operation the API offers today. A new route must be added here (and to the isolation probes). */
const expectedOperations = [
  'GET /api/v1/setup',
  'POST /api/v1/setup',
  'POST /api/v1/workspaces',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/agent-link',
  'POST /api/v1/auth/agent-link/accept',
  'POST /api/v1/auth/logout',
  'GET /api/v1/auth/me',
  'PATCH /api/v1/auth/me',
  'GET /api/v1/settings',
  'PATCH /api/v1/settings',
  'GET /api/v1/agents',
  'POST /api/v1/agents',
  'POST /api/v1/agents/invitations',
  'POST /api/v1/agents/{id}/invitation',
  'POST /api/v1/agents/{id}/password-reset',
  'GET /api/v1/agents/{id}',
  'PATCH /api/v1/agents/{id}',
  'GET /api/v1/departments',
  'POST /api/v1/departments',
  'GET /api/v1/departments/{id}',
  'PATCH /api/v1/departments/{id}',
  'DELETE /api/v1/departments/{id}',
  'GET /api/v1/categories',
  'POST /api/v1/categories',
  'PUT /api/v1/categories/order',
  'PATCH /api/v1/categories/{id}',
  'GET /api/v1/ticket-fields',
  'POST /api/v1/ticket-fields',
  'PUT /api/v1/ticket-fields/order',
  'GET /api/v1/ticket-fields/{id}',
  'PATCH /api/v1/ticket-fields/{id}',
  'DELETE /api/v1/ticket-fields/{id}',
  'GET /api/v1/calendars',
  'POST /api/v1/calendars',
  'GET /api/v1/calendars/default',
  'PUT /api/v1/calendars/default',
  'GET /api/v1/calendars/{id}',
  'PUT /api/v1/calendars/{id}',
  'DELETE /api/v1/calendars/{id}',
  'POST /api/v1/calendars/{id}/holidays/import',
  'PUT /api/v1/departments/{id}/calendar',
  'GET /api/v1/departments/{id}/escalation-levels',
  'PUT /api/v1/departments/{id}/escalation-levels',
  'GET /api/v1/sla-policies',
  'POST /api/v1/sla-policies',
  'PUT /api/v1/sla-policies/order',
  'GET /api/v1/sla-policies/{id}',
  'PATCH /api/v1/sla-policies/{id}',
  'DELETE /api/v1/sla-policies/{id}',
  'GET /api/v1/tickets/{number}/sla',
  'GET /api/v1/routing-rules',
  'POST /api/v1/routing-rules',
  'PUT /api/v1/routing-rules/order',
  'GET /api/v1/routing-rules/{id}',
  'PATCH /api/v1/routing-rules/{id}',
  'DELETE /api/v1/routing-rules/{id}',
  'POST /api/v1/tickets/{number}/verify',
  'POST /api/v1/tickets/{number}/reject',
  'GET /api/v1/me/availability',
  'PUT /api/v1/me/availability',
  'GET /api/v1/api-keys',
  'POST /api/v1/api-keys',
  'PATCH /api/v1/api-keys/{id}',
  'DELETE /api/v1/api-keys/{id}',
  'GET /api/v1/customers',
  'POST /api/v1/customers',
  'GET /api/v1/customers/{id}',
  'PATCH /api/v1/customers/{id}',
  'GET /api/v1/customer-users',
  'POST /api/v1/customer-users',
  'GET /api/v1/customer-users/{id}',
  'PATCH /api/v1/customer-users/{id}',
  'POST /api/v1/customer-users/import',
  'GET /api/v1/customer-users/export',
  'POST /api/v1/customer-users/{id}/merge',
  'GET /api/v1/cic/search',
  'GET /api/v1/customers/{id}/dashboard',
  'GET /api/v1/customer-users/{id}/dashboard',
  'GET /api/v1/customers/{id}/dashboard/{widget}',
  'GET /api/v1/customer-users/{id}/dashboard/{widget}',
  'GET /api/v1/me/preferences/{key}',
  'PUT /api/v1/me/preferences/{key}',
  'GET /api/v1/tickets',
  'POST /api/v1/tickets',
  'GET /api/v1/tickets/stats',
  'GET /api/v1/tickets/{number}',
  'PATCH /api/v1/tickets/{number}',
  'POST /api/v1/tickets/{number}/transitions',
  'POST /api/v1/tickets/{number}/lock',
  'POST /api/v1/tickets/{number}/unlock',
  'GET /api/v1/tickets/{number}/messages',
  'POST /api/v1/tickets/{number}/messages',
  'GET /api/v1/tickets/{number}/history',
  'GET /api/v1/tickets/{number}/attachments/{id}',
  'POST /api/v1/channels/reviews',
  'POST /api/v1/channels/orders',
  'GET /api/v1/channels/sources',
  'POST /api/v1/channels/sources',
  'PATCH /api/v1/channels/sources/{channel}/{key}',
  'GET /api/v1/channels/review-rules',
  'PUT /api/v1/channels/review-rules',
  'GET /api/v1/events',
  'GET /api/v1/notifications',
  'POST /api/v1/notifications/{id}/read',
  'POST /api/v1/notifications/read-all',
  'GET /api/v1/outbox',
  'GET /api/v1/outbox/{id}',
  'POST /api/v1/outbox/{id}/retry',
  'GET /api/v1/mail-templates',
  'PUT /api/v1/mail-templates/{template}/{language}',
  'DELETE /api/v1/mail-templates/{template}/{language}',
  'POST /api/v1/mail-templates/{template}/{language}/preview',
  'POST /api/v1/mail-templates/{template}/{language}/test',
  'GET /api/v1/reports/overview',
  'GET /api/v1/reports/overview.csv',
  'GET /api/v1/reports/activity',
  'GET /api/v1/reports/activity.csv',
  'GET /api/v1/admin/jobs',
  'GET /api/v1/admin/audit-log',
  'GET /api/v1/admin/system',
  'POST /api/v1/admin/system/maintenance',
  'GET /api/v1/admin/inbound-mails',
  'GET /api/v1/admin/inbound-mails/{id}/raw',
  'GET /api/v1/admin/imap-mailboxes',
  'POST /api/v1/admin/imap-mailboxes',
  'POST /api/v1/admin/imap-mailboxes/test',
  'GET /api/v1/admin/imap-mailboxes/{id}',
  'PATCH /api/v1/admin/imap-mailboxes/{id}',
  'DELETE /api/v1/admin/imap-mailboxes/{id}',
  'POST /api/v1/admin/imap-mailboxes/{id}/test',
  'GET /api/v1/admin/webhooks',
  'POST /api/v1/admin/webhooks',
  'GET /api/v1/admin/webhooks/{id}',
  'PATCH /api/v1/admin/webhooks/{id}',
  'DELETE /api/v1/admin/webhooks/{id}',
  'POST /api/v1/admin/webhooks/{id}/rotate-secret',
  'POST /api/v1/admin/webhooks/{id}/test',
  'GET /api/v1/admin/webhooks/{id}/deliveries',
  'POST /api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/retry',
  'GET /api/v1/tickets/{number}/mails/{id}/raw',
  'GET /api/v1/portal/{workspace}/config',
  'POST /api/v1/portal/{workspace}/sign-in',
  'GET /portal/{workspace}/auth',
  'GET /api/v1/portal/{workspace}/me',
  'PATCH /api/v1/portal/{workspace}/me',
  'POST /api/v1/portal/{workspace}/sign-out',
  'GET /api/v1/portal/{workspace}/tickets',
  'GET /api/v1/portal/{workspace}/tickets/{number}',
  'GET /api/v1/portal/{workspace}/tickets/{number}/notes',
  'POST /api/v1/portal/{workspace}/tickets/{number}/notes',
  'GET /api/v1/portal/{workspace}/tickets/{number}/attachments/{id}',
  'GET /api/v1/portal/{workspace}/tickets/{number}/history',
  'POST /api/v1/portal/{workspace}/tickets/{number}/resolve',
  'POST /api/v1/portal/{workspace}/tickets/{number}/reopen',
  'POST /api/v1/portal/{workspace}/requests',
  'GET /api/v1/portal/{workspace}/events',
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'GET /api/openapi.json',
];

/** Actions whose request is the URL alone. */
const bodyless = ['POST /api/v1/admin/imap-mailboxes/{id}/test', 'POST /api/v1/auth/logout', 'POST /api/v1/tickets/{number}/lock', 'POST /api/v1/tickets/{number}/unlock', 'POST /api/v1/notifications/{id}/read', 'POST /api/v1/portal/{workspace}/sign-out', 'POST /api/v1/portal/{workspace}/tickets/{number}/reopen', 'POST /api/v1/outbox/{id}/retry', 'POST /api/v1/admin/webhooks/{id}/rotate-secret', 'POST /api/v1/admin/webhooks/{id}/test', 'POST /api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/retry', 'POST /api/v1/agents/{id}/invitation', 'POST /api/v1/agents/{id}/password-reset', 'POST /api/v1/admin/system/maintenance'];
/** Intake routes: 201 with what they created, 200 with what a re-send found. */
const createdOrFound = ['POST /api/v1/channels/reviews', 'POST /api/v1/channels/orders'];
/** Answers that send the browser on (a sign-in link): no body to describe. */
const redirects = ['GET /portal/{workspace}/auth'];
/** Answers that are not JSON documents of the API: Prometheus text, the OpenAPI document itself, the event stream, a file. */
const notJson = [
  'GET /metrics',
  'GET /api/openapi.json',
  'GET /api/v1/events',
  'GET /api/v1/tickets/{number}/attachments/{id}',
  'GET /api/v1/portal/{workspace}/events',
  'GET /api/v1/portal/{workspace}/tickets/{number}/attachments/{id}',
  'GET /api/v1/customer-users/export',
  'GET /api/v1/reports/overview.csv',
  'GET /api/v1/reports/activity.csv',
  'GET /api/v1/admin/inbound-mails/{id}/raw',
  'GET /api/v1/tickets/{number}/mails/{id}/raw',
];
/** Routes whose request body is a CSV file (text/csv) instead of JSON. */
const csvBody = ['POST /api/v1/customer-users/import'];
/** The one route that takes multipart/form-data (a message with files) besides its JSON body. */
const alsoMultipart = ['POST /api/v1/tickets/{number}/messages', 'POST /api/v1/portal/{workspace}/tickets/{number}/notes', 'POST /api/v1/portal/{workspace}/requests'];
/** Reachable without credentials. */
const workspaceLess = [
  'GET /api/v1/setup',
  'POST /api/v1/setup',
  'POST /api/v1/workspaces',
  'POST /api/v1/auth/login',
  // An agent's invitation or password-reset link: no session yet; the token mailed to the agent is
  // the only credential, and it names the one agent (and so the one workspace) it was made for.
  'POST /api/v1/auth/agent-link',
  'POST /api/v1/auth/agent-link/accept',
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'GET /api/openapi.json',
  // The portal's doors: open to anyone, each bound to the workspace its URL names.
  'GET /api/v1/portal/{workspace}/config',
  'POST /api/v1/portal/{workspace}/sign-in',
  'GET /portal/{workspace}/auth',
  'POST /api/v1/portal/{workspace}/requests',
];
/** Keyset-paged lists: `limit` and `cursor` in the query. */
const paged = ['GET /api/v1/tickets', 'GET /api/v1/customers', 'GET /api/v1/customer-users', 'GET /api/v1/cic/search', 'GET /api/v1/customers/{id}/dashboard/{widget}', 'GET /api/v1/customer-users/{id}/dashboard/{widget}', 'GET /api/v1/tickets/{number}/messages', 'GET /api/v1/tickets/{number}/history', 'GET /api/v1/notifications', 'GET /api/v1/portal/{workspace}/tickets', 'GET /api/v1/portal/{workspace}/tickets/{number}/notes', 'GET /api/v1/portal/{workspace}/tickets/{number}/history', 'GET /api/v1/outbox', 'GET /api/v1/admin/webhooks/{id}/deliveries', 'GET /api/v1/admin/audit-log'];

type Operation = {
  summary?: string;
  tags?: string[];
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: unknown }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
};

describe('OpenAPI document and API docs', () => {
  let server: TestServer;
  let doc: { openapi: string; info: Record<string, string>; paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>> };
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, method, op })),
    );

  beforeAll(async () => {
    server = await startTestServer();
    const res = await server.anonymous().get('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves OpenAPI 3.1 at /api/openapi.json without credentials, with title, version and both ways to authenticate', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBe('Caredesk API');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(doc.components.securitySchemes).toEqual({
      session: { type: 'apiKey', in: 'cookie', name: 'caredesk_session' },
      portalSession: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'caredesk_portal' }),
      apiKey: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
  });

  it('documents exactly the expected operations', () => {
    const documented = operations().map((o) => o.key);
    expect(expectedOperations.filter((op) => !documented.includes(op)), 'expected but not documented').toEqual([]);
    expect(documented.filter((op) => !expectedOperations.includes(op)), 'documented but not in the expected list: add it here with its checks').toEqual([]);
  });

  it('documents every route the running server has registered under /api and the operations endpoints (nothing hidden)', () => {
    const documented = new Set(operations().map((o) => o.key));
    const registered = registeredRoutes(server.app.printRoutes({ commonPrefix: false })).filter(
      (r) => !r.startsWith('HEAD ') && (/ \/api\//.test(r) || / \/portal\/[^*]/.test(r) || / \/(healthz|readyz|metrics)$/.test(r)) && !/ \/api\/docs(\/|$)/.test(r),
    );
    expect(registered.length).toBe(expectedOperations.length);
    expect(registered.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('gives every operation a summary and a tag, and declares every path parameter with a schema', () => {
    for (const { key, path, op } of operations()) {
      expect(op.summary, key).toBeTruthy();
      expect(op.tags?.length, key).toBeGreaterThan(0);
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(declared.map((p) => p.name).sort(), key).toEqual(inPath.sort());
      for (const p of declared) {
        expect(p.required, `${key} ${p.name}`).toBe(true);
        expect(p.schema, `${key} ${p.name}`).toBeTruthy();
      }
    }
  });

  it('gives every POST, PUT and PATCH a closed JSON request-body schema, except the bodyless actions', () => {
    for (const { key, method, op } of operations()) {
      if (method !== 'post' && method !== 'put' && method !== 'patch') {
        expect(op.requestBody, key).toBeUndefined();
        continue;
      }
      if (bodyless.includes(key)) {
        expect(op.requestBody, key).toBeUndefined();
        continue;
      }
      if (csvBody.includes(key)) {
        expect(Object.keys(op.requestBody?.content ?? {}), key).toEqual(['text/csv']);
        expect(op.requestBody?.content?.['text/csv']?.schema, key).toMatchObject({ type: 'string' });
        continue;
      }
      const schema = resolve(op.requestBody?.content?.['application/json']?.schema) as Record<string, unknown> | undefined;
      expect(schema, `${key} has no JSON request body schema`).toBeTruthy();
      expect(Object.keys(op.requestBody?.content ?? {}), key).toEqual(alsoMultipart.includes(key) ? ['application/json', 'multipart/form-data'] : ['application/json']);
      if (alsoMultipart.includes(key)) {
        const form = op.requestBody?.content?.['multipart/form-data']?.schema as Record<string, any> | undefined;
        expect(form?.additionalProperties, `${key} form must refuse unknown fields`).toBe(false);
        expect(form?.properties?.files?.items, key).toMatchObject({ type: 'string', format: 'binary' });
      }
      expect(schema?.type, key).toBe('object');
      expect(schema?.additionalProperties, `${key} must refuse unknown fields`).toBe(false);
      expect(Object.keys(schema?.properties ?? {}).length, key).toBeGreaterThan(0);
    }
  });

  it('declares the query parameters of the list routes: limit and cursor on paged lists, every filter on tickets and stats', () => {
    const queryOf = (key: string) => {
      const op = operations().find((o) => o.key === key);
      return (op?.op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    };
    for (const key of paged) expect(queryOf(key), key).toEqual(expect.arrayContaining(['limit', 'cursor']));
    const filters = ['status', 'priority', 'department', 'category', 'channel', 'source', 'assignee', 'locked_by', 'my_departments', 'customer_user_id', 'customer_id', 'phone', 'email', 'number', 'order_number', 'created_from', 'created_to', 'verification', 'field', 'q'];
    expect(queryOf('GET /api/v1/tickets')).toEqual(expect.arrayContaining([...filters, 'sort']));
    expect(queryOf('GET /api/v1/tickets/stats')).toEqual(expect.arrayContaining(filters));
    expect(queryOf('GET /api/v1/customers')).toContain('search');
    expect(queryOf('GET /api/v1/customer-users')).toContain('search');
    expect(queryOf('GET /api/v1/admin/audit-log')).toContain('entity');
  });

  it('gives every operation a success response with a JSON schema (204 without a body), lists as {items, next_cursor}', () => {
    for (const { key, op } of operations()) {
      if (redirects.includes(key)) {
        expect(Object.keys(op.responses), key).toContain('303');
        continue;
      }
      const success = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
      // Intake answers 201 for what it creates and 200 for what it already had (a re-sent review or issue).
      if (createdOrFound.includes(key)) expect(success, key).toEqual(['200', '201']);
      else expect(success, key).toHaveLength(1);
      const status = success[0];
      if (status === '204') {
        expect(op.responses[status].content, key).toBeUndefined();
        continue;
      }
      if (notJson.includes(key)) continue;
      const schema = resolve(op.responses[status].content?.['application/json']?.schema) as Record<string, any> | undefined;
      expect(schema, `${key} ${status} has no JSON schema`).toBeTruthy();
      expect(schema?.type, key).toBe('object');
      if (schema?.properties?.items) {
        expect(schema.properties.items.type, key).toBe('array');
        expect(schema.properties, key).toHaveProperty('next_cursor');
      }
    }
  });

  it('documents every error answer with the shared Error schema, 401 on every workspace route, and 403 on the admin routes', () => {
    const adminOnly = [
      'GET /api/v1/settings',
      'PATCH /api/v1/settings',
      'POST /api/v1/agents',
      'POST /api/v1/agents/invitations',
      'POST /api/v1/agents/{id}/invitation',
      'POST /api/v1/agents/{id}/password-reset',
      'PATCH /api/v1/agents/{id}',
      'POST /api/v1/departments',
      'PATCH /api/v1/departments/{id}',
      'DELETE /api/v1/departments/{id}',
      'POST /api/v1/categories',
      'PUT /api/v1/categories/order',
      'PATCH /api/v1/categories/{id}',
      'POST /api/v1/ticket-fields',
      'PUT /api/v1/ticket-fields/order',
      'PATCH /api/v1/ticket-fields/{id}',
      'DELETE /api/v1/ticket-fields/{id}',
      'POST /api/v1/calendars',
      'PUT /api/v1/calendars/default',
      'PUT /api/v1/calendars/{id}',
      'DELETE /api/v1/calendars/{id}',
      'POST /api/v1/calendars/{id}/holidays/import',
      'PUT /api/v1/departments/{id}/calendar',
      'PUT /api/v1/departments/{id}/escalation-levels',
      'POST /api/v1/sla-policies',
      'PUT /api/v1/sla-policies/order',
      'PATCH /api/v1/sla-policies/{id}',
      'DELETE /api/v1/sla-policies/{id}',
      'GET /api/v1/api-keys',
      'POST /api/v1/api-keys',
      'PATCH /api/v1/api-keys/{id}',
      'DELETE /api/v1/api-keys/{id}',
      'GET /api/v1/outbox',
      'GET /api/v1/outbox/{id}',
      'POST /api/v1/outbox/{id}/retry',
      'GET /api/v1/mail-templates',
      'PUT /api/v1/mail-templates/{template}/{language}',
      'DELETE /api/v1/mail-templates/{template}/{language}',
      'POST /api/v1/mail-templates/{template}/{language}/preview',
      'POST /api/v1/mail-templates/{template}/{language}/test',
      'POST /api/v1/customer-users/{id}/merge',
      'GET /api/v1/admin/jobs',
      'GET /api/v1/admin/audit-log',
      'GET /api/v1/admin/system',
      'POST /api/v1/admin/system/maintenance',
      'GET /api/v1/admin/inbound-mails',
      'GET /api/v1/admin/inbound-mails/{id}/raw',
      'GET /api/v1/admin/imap-mailboxes',
      'POST /api/v1/admin/imap-mailboxes',
      'POST /api/v1/admin/imap-mailboxes/test',
      'GET /api/v1/admin/imap-mailboxes/{id}',
      'PATCH /api/v1/admin/imap-mailboxes/{id}',
      'DELETE /api/v1/admin/imap-mailboxes/{id}',
      'POST /api/v1/admin/imap-mailboxes/{id}/test',
      'POST /api/v1/channels/sources',
      'PATCH /api/v1/channels/sources/{channel}/{key}',
      'PUT /api/v1/channels/review-rules',
      'GET /api/v1/admin/webhooks',
      'POST /api/v1/admin/webhooks',
      'GET /api/v1/admin/webhooks/{id}',
      'PATCH /api/v1/admin/webhooks/{id}',
      'DELETE /api/v1/admin/webhooks/{id}',
      'POST /api/v1/admin/webhooks/{id}/rotate-secret',
      'POST /api/v1/admin/webhooks/{id}/test',
      'GET /api/v1/admin/webhooks/{id}/deliveries',
      'POST /api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/retry',
    ];
    for (const { key, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^[45]\d\d$/.test(status) || key === 'GET /readyz') continue;
        expect(response.content?.['application/json']?.schema, `${key} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
      }
      if (!workspaceLess.includes(key)) expect(Object.keys(op.responses), key).toContain('401');
      if (adminOnly.includes(key)) expect(Object.keys(op.responses), key).toContain('403');
      if (/\{(id|number)\}/.test(key) && !key.startsWith('DELETE')) expect(Object.keys(op.responses), key).toContain('404');
    }
    expect(doc.components.schemas.Error).toMatchObject({ type: 'object', required: ['error'] });
  });

  it('resolves every $ref of the document', () => {
    const refs: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === '$ref' && typeof v === 'string') refs.push(v);
          else walk(v);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) expect(pointer(ref), ref).toBeDefined();
  });

  it('serves the API docs as an HTML page at /api/docs', async () => {
    for (const path of ['/api/docs', '/api/docs/']) {
      const res = await server.anonymous().get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      expect(res.body, path).toContain('<html');
      expect(res.body, path).toContain('Swagger UI');
    }
    const json = await server.anonymous().get('/api/docs/json');
    expect(json.status).toBe(200);
    expect(json.body.paths).toEqual(doc.paths);
  });

  describe('real answers match the documented status codes and schemas', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const seen: Array<{ key: string; status: number }> = [];

    /** Finds the documented operation of a request, checks that its status is documented, and validates the body. */
    function conforms(method: string, url: string, res: ApiResponse) {
      const path = url.split('?')[0];
      // A static path (/customer-users/export) wins over a parameter one (/customer-users/{id}), as in the router.
      const ofMethod = operations().filter((o) => o.method === method.toLowerCase());
      const match = ofMethod.find((o) => o.path === path) ?? ofMethod.find((o) => new RegExp(`^${o.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path));
      expect(match, `${method} ${path} is not documented`).toBeDefined();
      const { key, op } = match as NonNullable<typeof match>;
      seen.push({ key, status: res.status });
      const response = op.responses[String(res.status)];
      expect(response, `${key} answered ${res.status}, which its documentation does not list (${Object.keys(op.responses).join(', ')}): ${JSON.stringify(res.body)}`).toBeDefined();
      const schema = response?.content?.['application/json']?.schema;
      if (res.status === 204 || res.status === 303) expect(res.body).toBe('');
      if (redirects.includes(key)) return;
      if (!schema) return;
      const validate = ajv.compile({ ...(schema as object), components: doc.components });
      const ok = validate(res.body);
      expect(ok, `${key} ${res.status}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(res.body).slice(0, 500)}`).toBe(true);
    }

    let admin: ApiClient;
    let agent: Awaited<ReturnType<typeof createAgent>>;
    let other: Awaited<ReturnType<typeof createAgent>>;
    let key: ApiClient;
    let ticket: { number: string; version: number };
    let departmentId: number;
    let customerId: number;
    let customerUserId: number;
    let apiKeyId: number;
    let attachmentId: number;
    let noticeId: number;
    let portal: ApiClient;

    beforeAll(async () => {
      const ws = await createWorkspace(server.url, 'docs-shop');
      admin = ws.admin;
      agent = await createAgent(admin);
      other = await createAgent(admin);
      key = await createApiKey(admin);
      departmentId = (await admin.post('/api/v1/departments', { name: 'Returns', member_ids: [agent.id] })).body.id;
      customerId = (await admin.post('/api/v1/customers', { name: 'Acme Corp', customer_code: 'ACME' })).body.id;
      customerUserId = (await admin.post('/api/v1/customer-users', { name: 'Budi', email: 'budi@example.com', phone: '+62 812 0000 1111', customer_id: customerId })).body.id;
      apiKeyId = (await admin.post('/api/v1/api-keys', { name: 'Spare' })).body.id;
      ticket = await createTicket(admin, { department: departmentId, assignee: agent.id, customer_user_id: customerUserId, customer: undefined, order_number: 'ORD-1' });
      await agent.client.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'We are on it', visibility: 'public' });
      const form = new FormData();
      form.append('body', 'The log');
      form.append('files', new Blob(['delivery log\n']), 'log.txt');
      const upload = await fetch(`${server.url}/api/v1/tickets/${ticket.number}/messages`, { method: 'POST', body: form, headers: { cookie: agent.client.cookie ?? '' } });
      expect(upload.status).toBe(201);
      attachmentId = (await upload.json()).attachments[0].id;
      noticeId = (await agent.client.get('/api/v1/notifications')).body.items[0].id;
      portal = await signInToPortal(server, 'docs-shop', 'budi@example.com');
    });

    let outboxId: number;
    beforeAll(async () => {
      const { org_id: orgId } = await server.deps.db.selectFrom('workspaces').select('org_id').where('slug', '=', 'docs-shop').executeTakeFirstOrThrow();
      await server.deps.db.transaction().execute((trx) =>
        enqueueMail(trx, server.deps, { orgId, template: 'sign_in_link', language: 'en', to: { address: 'budi@example.com', name: 'Budi' }, ticketId: null, values: { workspace: { name: 'Docs shop' }, recipient: { name: 'Budi' }, link: 'https://care.example/portal/docs-shop/auth?token=x', expires_minutes: 15 } }, new Date()),
      );
      const row = await server.deps.db.selectFrom('outbox').select('id').where('org_id', '=', orgId).orderBy('id', 'desc').executeTakeFirstOrThrow();
      outboxId = row.id;
      for (let waited = 0; (await server.deps.db.selectFrom('outbox').select('status').where('id', '=', outboxId).executeTakeFirstOrThrow()).status !== 'kept'; waited += 20) {
        if (waited > 20_000) throw new Error('the outbox worker did not keep the mail');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });

    // A webhook endpoint (its deliveries to a closed port fail: the log has rows to show and retry).
    let webhookId: number;
    let webhookDeliveryId: number;
    beforeAll(async () => {
      const created = await admin.post('/api/v1/admin/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['ticket.created'], allow_private: true });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      webhookId = created.body.id;
      webhookDeliveryId = (await admin.post(`/api/v1/admin/webhooks/${webhookId}/test`)).body.id;
      for (let waited = 0; (await admin.get(`/api/v1/admin/webhooks/${webhookId}/deliveries`)).body.items[0]?.status !== 'failed'; waited += 20) {
        if (waited > 20_000) throw new Error('the webhook worker did not try the ping');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });

    // An IMAP mailbox at a closed port (no poller runs here): its test reports the refused connection.
    let imapMailboxId: number;
    beforeAll(async () => {
      const created = await admin.post('/api/v1/admin/imap-mailboxes', { department_id: departmentId, host: '127.0.0.1', port: 9, tls_mode: 'none', username: 'returns', password: 'imap-secret' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      imapMailboxId = created.body.id;
    });

    // Service levels: a calendar the policy counts in (so it cannot be deleted), a spare one, two policies that match nothing.
    let calendarId: number;
    let spareCalendarId: number;
    let policyId: number;
    let sparePolicyId: number;
    beforeAll(async () => {
      calendarId = (await admin.post('/api/v1/calendars', { name: 'Docs office', time_zone: 'Europe/Berlin', hours: { mon: [{ start: '08:00', end: '17:00' }] } })).body.id;
      spareCalendarId = (await admin.post('/api/v1/calendars', { name: 'Docs spare', time_zone: 'UTC', always_open: true })).body.id;
      policyId = (await admin.post('/api/v1/sla-policies', { name: 'Docs policy', first_response_seconds: 3600, calendar_id: calendarId, is_active: false })).body.id;
      sparePolicyId = (await admin.post('/api/v1/sla-policies', { name: 'Docs spare policy', resolution_seconds: 3600, is_active: false })).body.id;
    });

    // Routing and verification: two rules, and in-store tickets (which this workspace verifies) to verify, reject and send stale.
    let ruleId: number;
    let spareRuleId: number;
    let toVerify: string;
    let toReject: string;
    let stale: string;
    beforeAll(async () => {
      ruleId = (await admin.post('/api/v1/routing-rules', { name: 'Docs route', channels: ['email'], subject_keywords: ['parcel'], department_id: departmentId, is_active: false })).body.id;
      spareRuleId = (await admin.post('/api/v1/routing-rules', { name: 'Docs spare route', department_id: departmentId, is_active: false })).body.id;
      await admin.patch('/api/v1/settings', { verification_channels: ['in_store'] });
      [toVerify, toReject, stale] = await Promise.all(['Till receipt', 'Spam', 'Stale'].map(async (subject) => (await createTicket(admin, { subject, channel: 'in_store' })).number));
    });

    // Agents' links: one invitee whose mailed link the sign-in group reads and accepts, one who stays
    // invited. Ticket fields: one a ticket holds a value of (so it cannot be deleted), one spare, in
    // the order the ticket-field group reverses. API keys that may only read, or only write.
    let linkToken: string;
    let invitedId: number;
    let categoryIds: number[];
    let fieldId: number;
    let spareFieldId: number;
    let scopedKeyId: number;
    let readKey: ApiClient;
    let writeKey: ApiClient;
    beforeAll(async () => {
      const tokenOf = async (address: string) => {
        const mails = await mailsTo(server, address, 'agent_invitation');
        const token = /\/set-password#([A-Za-z0-9_-]{43})/.exec(mails.at(-1)?.text_body ?? '')?.[1];
        expect(token, `no invitation link mailed to ${address}`).toBeTruthy();
        return token as string;
      };
      const accepting = await admin.post('/api/v1/agents/invitations', { name: 'Docs Invitee', email: 'docs.invitee@example.com' });
      expect(accepting.status, JSON.stringify(accepting.body)).toBe(201);
      linkToken = await tokenOf('docs.invitee@example.com');
      const invited = await admin.post('/api/v1/agents/invitations', { name: 'Docs Pending', email: 'docs.pending@example.com', role: 'admin' });
      expect(invited.status, JSON.stringify(invited.body)).toBe(201);
      invitedId = invited.body.id;
      categoryIds = (await admin.get('/api/v1/categories')).body.items.map((c: { id: number }) => c.id);
      const field = await admin.post('/api/v1/ticket-fields', { key: 'docs_serial', type: 'text', labels: { en: 'Serial number' } });
      expect(field.status, JSON.stringify(field.body)).toBe(201);
      fieldId = field.body.id;
      spareFieldId = (await admin.post('/api/v1/ticket-fields', { type: 'date', labels: { en: 'Bought on' } })).body.id;
      const valued = await admin.patch(`/api/v1/tickets/${ticket.number}`, { custom_fields: { docs_serial: 'SN-42' } });
      expect(valued.status, JSON.stringify(valued.body)).toBe(200);
      const reader = await admin.post('/api/v1/api-keys', { name: 'Docs reader', scopes: ['read'] });
      expect(reader.body.scopes).toEqual(['read']);
      readKey = new ApiClient(server.url, { bearer: reader.body.key });
      const writer = await admin.post('/api/v1/api-keys', { name: 'Docs writer', scopes: ['write'] });
      writeKey = new ApiClient(server.url, { bearer: writer.body.key });
      scopedKeyId = (await admin.post('/api/v1/api-keys', { name: 'Docs scoped' })).body.id;
    });

    type Call = [ApiClient | (() => ApiClient), string, string, unknown?, Record<string, string>?];
    const anon = () => server.anonymous();
    const calls = (): Array<[string, Call[]]> => [
      ['setup and sign-up', [
        [anon, 'GET', '/api/v1/setup'],
        [anon, 'POST', '/api/v1/setup', { admin: { name: 'Late', email: 'late@example.com', password: PASSWORD } }],
        [anon, 'POST', '/api/v1/setup', { admin: { name: 'Late' } }],
        [anon, 'POST', '/api/v1/workspaces', { name: 'Other', slug: 'other', admin: { name: 'O', email: 'o@example.com', password: PASSWORD } }],
        [anon, 'POST', '/api/v1/workspaces', { name: 'Other' }],
      ]],
      ['sign-in and sessions', [
        [anon, 'POST', '/api/v1/auth/login', { email: 'nobody@example.com', password: 'wrong-password' }],
        [anon, 'POST', '/api/v1/auth/login', { email: 'not-an-email' }],
        [() => new ApiClient(server.url), 'POST', '/api/v1/auth/login', { email: agent.email, password: PASSWORD }],
        [() => admin, 'GET', '/api/v1/auth/me'],
        [anon, 'GET', '/api/v1/auth/me'],
        [() => key, 'GET', '/api/v1/auth/me'],
        [() => admin, 'PATCH', '/api/v1/auth/me', { language: 'id' }],
        [() => admin, 'PATCH', '/api/v1/auth/me', { language: null }],
        [() => admin, 'PATCH', '/api/v1/auth/me', { language: 'fr' }],
        [() => admin, 'PATCH', '/api/v1/auth/me', { theme: 'dark' }],
        [anon, 'PATCH', '/api/v1/auth/me', { language: 'id' }],
        [() => key, 'PATCH', '/api/v1/auth/me', { language: 'id' }],
        [anon, 'POST', '/api/v1/auth/logout'],
        [() => key, 'POST', '/api/v1/auth/logout'],
        [anon, 'POST', '/api/v1/auth/agent-link', { token: linkToken }],
        [anon, 'POST', '/api/v1/auth/agent-link', { token: 'x'.repeat(43) }],
        [anon, 'POST', '/api/v1/auth/agent-link', {}],
        [() => new ApiClient(server.url), 'POST', '/api/v1/auth/agent-link/accept', { token: linkToken, password: 'short' }],
        [() => new ApiClient(server.url), 'POST', '/api/v1/auth/agent-link/accept', { token: linkToken, password: PASSWORD }],
        [anon, 'POST', '/api/v1/auth/agent-link/accept', { token: linkToken, password: PASSWORD }],
      ]],
      ['settings', [
        [() => admin, 'GET', '/api/v1/settings'],
        [() => agent.client, 'GET', '/api/v1/settings'],
        [() => admin, 'PATCH', '/api/v1/settings', { sender_name: 'Docs care' }],
        [() => admin, 'PATCH', '/api/v1/settings', { time_zone: 'Nowhere/Land' }],
        [() => admin, 'PATCH', '/api/v1/settings', { logo_url: 'https://cdn.example.com/docs-logo.png' }],
        [() => admin, 'PATCH', '/api/v1/settings', { logo_url: 'http://cdn.example.com/docs-logo.png' }],
        [() => admin, 'GET', '/api/v1/auth/me'],
        [() => admin, 'PATCH', '/api/v1/settings', { logo_url: null }],
      ]],
      ['agents', [
        [() => key, 'GET', '/api/v1/agents'],
        [() => admin, 'POST', '/api/v1/agents', { name: 'New', email: 'new.agent@example.com', password: PASSWORD }],
        [() => admin, 'POST', '/api/v1/agents', { name: 'New', email: 'new.agent@example.com', password: PASSWORD }],
        [() => admin, 'POST', '/api/v1/agents', { name: 'New', email: 'x@example.com', password: PASSWORD, department_ids: [987654] }],
        [() => admin, 'POST', '/api/v1/agents', { name: 'New' }],
        [() => agent.client, 'POST', '/api/v1/agents', { name: 'New', email: 'y@example.com', password: PASSWORD }],
        [() => agent.client, 'GET', `/api/v1/agents/${agent.id}`],
        [() => admin, 'GET', '/api/v1/agents/987654'],
        [() => admin, 'GET', '/api/v1/agents/abc'],
        [() => admin, 'PATCH', `/api/v1/agents/${other.id}`, { name: 'Other Agent' }],
        [() => admin, 'PATCH', '/api/v1/agents/987654', { name: 'Ghost' }],
        [() => admin, 'PATCH', `/api/v1/agents/${other.id}`, { role: 'owner' }],
        [() => admin, 'PATCH', `/api/v1/agents/${other.id}`, { department_ids: [departmentId] }],
        [() => admin, 'PATCH', `/api/v1/agents/${other.id}`, { department_ids: [987654] }],
        [() => admin, 'GET', `/api/v1/agents/${invitedId}`],
        [() => admin, 'POST', '/api/v1/agents/invitations', { name: 'Invited', email: 'invited.docs@example.com', department_ids: [departmentId] }],
        [() => admin, 'POST', '/api/v1/agents/invitations', { name: 'Invited again', email: 'INVITED.docs@example.com' }],
        [() => admin, 'POST', '/api/v1/agents/invitations', { name: 'Ghost', email: 'ghost.docs@example.com', department_ids: [987654] }],
        [() => admin, 'POST', '/api/v1/agents/invitations', { name: '', email: 'nope' }],
        [() => agent.client, 'POST', '/api/v1/agents/invitations', { name: 'Mine', email: 'mine.docs@example.com' }],
        [() => admin, 'POST', `/api/v1/agents/${invitedId}/invitation`],
        [() => admin, 'POST', `/api/v1/agents/${other.id}/invitation`],
        [() => admin, 'POST', '/api/v1/agents/987654/invitation'],
        [() => admin, 'POST', '/api/v1/agents/abc/invitation'],
        [() => agent.client, 'POST', `/api/v1/agents/${invitedId}/invitation`],
        [() => admin, 'POST', `/api/v1/agents/${other.id}/password-reset`],
        [() => admin, 'POST', `/api/v1/agents/${invitedId}/password-reset`],
        [() => admin, 'POST', '/api/v1/agents/987654/password-reset'],
        [() => admin, 'POST', '/api/v1/agents/abc/password-reset'],
        [() => key, 'POST', `/api/v1/agents/${other.id}/password-reset`],
      ]],
      ['departments', [
        [() => agent.client, 'GET', '/api/v1/departments'],
        [() => admin, 'POST', '/api/v1/departments', { name: 'Billing', member_ids: [agent.id] }],
        [() => admin, 'POST', '/api/v1/departments', { name: 'billing' }],
        [() => admin, 'POST', '/api/v1/departments', { name: 'Ghosts', member_ids: [987654] }],
        [() => admin, 'POST', '/api/v1/departments', { name: '' }],
        [() => admin, 'GET', `/api/v1/departments/${departmentId}`],
        [() => admin, 'GET', '/api/v1/departments/987654'],
        [() => admin, 'GET', '/api/v1/departments/abc'],
        [() => admin, 'PATCH', `/api/v1/departments/${departmentId}`, { email: 'returns@example.com' }],
        [() => admin, 'PATCH', `/api/v1/departments/${departmentId}`, { name: 'Billing' }],
        [() => admin, 'PATCH', '/api/v1/departments/987654', { name: 'Ghost' }],
        [() => agent.client, 'PATCH', `/api/v1/departments/${departmentId}`, { name: 'Mine' }],
        [() => admin, 'DELETE', `/api/v1/departments/${departmentId}`],
        [() => admin, 'DELETE', '/api/v1/departments/987654'],
        [() => admin, 'DELETE', '/api/v1/departments/abc'],
        [() => agent.client, 'DELETE', `/api/v1/departments/${departmentId}`],
      ]],
      ['categories', [
        // First: the ids read before this group are every category there is.
        [() => admin, 'PUT', '/api/v1/categories/order', { ids: [...categoryIds].reverse() }],
        [() => admin, 'PUT', '/api/v1/categories/order', { ids: [987654] }],
        [() => agent.client, 'PUT', '/api/v1/categories/order', { ids: categoryIds }],
        [() => key, 'GET', '/api/v1/categories'],
        [() => admin, 'POST', '/api/v1/categories', { name: 'Warranty' }],
        [() => admin, 'POST', '/api/v1/categories', { name: 'warranty' }],
        [() => admin, 'POST', '/api/v1/categories', { name: 'Warranty', colour: 'red' }],
        [() => agent.client, 'POST', '/api/v1/categories', { name: 'Mine' }],
        [() => admin, 'PATCH', '/api/v1/categories/987654', { name: 'Ghost' }],
      ]],
      ['ticket fields', [
        // First: the two fields made before this group are every field there is.
        [() => admin, 'PUT', '/api/v1/ticket-fields/order', { ids: [spareFieldId, fieldId] }],
        [() => admin, 'PUT', '/api/v1/ticket-fields/order', { ids: [fieldId] }],
        [() => agent.client, 'PUT', '/api/v1/ticket-fields/order', { ids: [] }],
        [() => key, 'GET', '/api/v1/ticket-fields'],
        [anon, 'GET', '/api/v1/ticket-fields'],
        [() => admin, 'POST', '/api/v1/ticket-fields', { type: 'select', labels: { en: 'Product line', id: 'Lini produk' }, options: [{ labels: { en: 'Kitchen' } }, { labels: { en: 'Garden' } }], customer_visible: true, on_portal_form: true }],
        [() => admin, 'POST', '/api/v1/ticket-fields', { key: 'docs_serial', type: 'text', labels: { en: 'Serial again' } }],
        [() => admin, 'POST', '/api/v1/ticket-fields', { type: 'select', labels: { en: 'Size' }, options: [] }],
        [() => agent.client, 'POST', '/api/v1/ticket-fields', { type: 'text', labels: { en: 'Mine' } }],
        [() => agent.client, 'GET', `/api/v1/ticket-fields/${fieldId}`],
        [() => key, 'GET', '/api/v1/ticket-fields/987654'],
        [() => key, 'GET', '/api/v1/ticket-fields/abc'],
        [() => admin, 'PATCH', `/api/v1/ticket-fields/${fieldId}`, { labels: { en: 'Serial no.', id: 'Nomor seri' }, customer_visible: true }],
        [() => admin, 'PATCH', `/api/v1/ticket-fields/${fieldId}`, {}],
        [() => admin, 'PATCH', `/api/v1/ticket-fields/${fieldId}`, { type: 'number' }],
        [() => admin, 'PATCH', '/api/v1/ticket-fields/987654', { required: true }],
        [() => agent.client, 'PATCH', `/api/v1/ticket-fields/${fieldId}`, { required: true }],
        [() => admin, 'DELETE', `/api/v1/ticket-fields/${fieldId}`],
        [() => admin, 'DELETE', `/api/v1/ticket-fields/${spareFieldId}`],
        [() => admin, 'DELETE', `/api/v1/ticket-fields/${spareFieldId}`],
        [() => admin, 'DELETE', '/api/v1/ticket-fields/abc'],
        [() => agent.client, 'DELETE', `/api/v1/ticket-fields/${fieldId}`],
        [() => agent.client, 'GET', '/api/v1/tickets?field=docs_serial:SN-42'],
        [() => agent.client, 'GET', '/api/v1/tickets/stats?field=docs_serial:SN-42'],
        [() => agent.client, 'GET', '/api/v1/tickets?field=nope:1'],
        [() => key, 'GET', `/api/v1/tickets/${ticket.number}`],
        [() => key, 'POST', '/api/v1/tickets', { subject: 'Unknown field', custom_fields: { nope: 1 } }],
        [() => key, 'POST', '/api/v1/tickets', { subject: 'Known field', custom_fields: { product_line: 'kitchen' } }],
      ]],
      ['service levels', (() => {
        const office = { name: 'Docs office', time_zone: 'Europe/Berlin', hours: { mon: [{ start: '08:00', end: '17:00' }] } };
        return [
          [() => key, 'GET', '/api/v1/calendars'],
          [anon, 'GET', '/api/v1/calendars'],
          [() => admin, 'POST', '/api/v1/calendars', { name: 'Docs night', time_zone: 'Asia/Jakarta', hours: { fri: [{ start: '22:00', end: '24:00' }], sat: [{ start: '00:00', end: '06:00' }] }, holidays: [{ date: '2026-12-25', name: 'Christmas' }] }],
          [() => admin, 'POST', '/api/v1/calendars', { ...office, name: 'DOCS OFFICE' }],
          [() => admin, 'POST', '/api/v1/calendars', { ...office, name: 'Mars', time_zone: 'Mars/Olympus' }],
          [() => agent.client, 'POST', '/api/v1/calendars', { ...office, name: 'Mine' }],
          [() => agent.client, 'GET', '/api/v1/calendars/default'],
          [() => admin, 'PUT', '/api/v1/calendars/default', { calendar_id: calendarId }],
          [() => admin, 'PUT', '/api/v1/calendars/default', { calendar_id: 987654 }],
          [() => agent.client, 'PUT', '/api/v1/calendars/default', { calendar_id: null }],
          [() => agent.client, 'GET', `/api/v1/calendars/${calendarId}`],
          [() => agent.client, 'GET', '/api/v1/calendars/987654'],
          [() => agent.client, 'GET', '/api/v1/calendars/abc'],
          [() => admin, 'PUT', `/api/v1/calendars/${calendarId}`, office],
          [() => admin, 'PUT', `/api/v1/calendars/${calendarId}`, { ...office, hours: { mon: [{ start: '17:00', end: '08:00' }] } }],
          [() => admin, 'PUT', `/api/v1/calendars/${spareCalendarId}`, { ...office, name: 'docs office' }],
          [() => admin, 'PUT', '/api/v1/calendars/987654', office],
          [() => agent.client, 'PUT', `/api/v1/calendars/${calendarId}`, office],
          [() => admin, 'POST', `/api/v1/calendars/${calendarId}/holidays/import`, { holidays: ['2026-12-25', { date: '2026-12-26', name: 'Boxing Day' }] }],
          [() => admin, 'POST', `/api/v1/calendars/${calendarId}/holidays/import`, { holidays: ['2026-13-01'] }],
          [() => admin, 'POST', '/api/v1/calendars/987654/holidays/import', { holidays: ['2026-12-25'] }],
          [() => agent.client, 'POST', `/api/v1/calendars/${calendarId}/holidays/import`, { holidays: ['2026-12-25'] }],
          [() => admin, 'PUT', `/api/v1/departments/${departmentId}/calendar`, { calendar_id: calendarId }],
          [() => admin, 'PUT', `/api/v1/departments/${departmentId}/calendar`, { calendar_id: 987654 }],
          [() => admin, 'PUT', '/api/v1/departments/987654/calendar', { calendar_id: null }],
          [() => agent.client, 'PUT', `/api/v1/departments/${departmentId}/calendar`, { calendar_id: null }],
          [() => admin, 'DELETE', `/api/v1/calendars/${calendarId}`],
          [() => admin, 'DELETE', `/api/v1/calendars/${spareCalendarId}`],
          [() => admin, 'DELETE', `/api/v1/calendars/${spareCalendarId}`],
          [() => admin, 'DELETE', '/api/v1/calendars/abc'],
          [() => agent.client, 'DELETE', `/api/v1/calendars/${calendarId}`],
          [() => admin, 'PUT', `/api/v1/departments/${departmentId}/calendar`, { calendar_id: null }],
          [() => admin, 'PUT', '/api/v1/calendars/default', { calendar_id: null }],
          [() => key, 'GET', '/api/v1/sla-policies'],
          [() => admin, 'PUT', '/api/v1/sla-policies/order', { ids: [sparePolicyId, policyId] }],
          [() => admin, 'PUT', '/api/v1/sla-policies/order', { ids: [987654] }],
          [() => agent.client, 'PUT', '/api/v1/sla-policies/order', { ids: [] }],
          [() => admin, 'POST', '/api/v1/sla-policies', { name: 'Docs urgent', priorities: ['urgent'], first_response_seconds: 900, is_active: false }],
          [() => admin, 'POST', '/api/v1/sla-policies', { name: 'docs urgent', first_response_seconds: 900 }],
          [() => admin, 'POST', '/api/v1/sla-policies', { name: 'Zero', first_response_seconds: 0 }],
          [() => agent.client, 'POST', '/api/v1/sla-policies', { name: 'Mine' }],
          [() => agent.client, 'GET', `/api/v1/sla-policies/${policyId}`],
          [() => agent.client, 'GET', '/api/v1/sla-policies/987654'],
          [() => agent.client, 'GET', '/api/v1/sla-policies/abc'],
          [() => admin, 'PATCH', `/api/v1/sla-policies/${policyId}`, { warning_percent: 80 }],
          [() => admin, 'PATCH', `/api/v1/sla-policies/${policyId}`, { department_ids: [987654] }],
          [() => admin, 'PATCH', `/api/v1/sla-policies/${policyId}`, { name: 'Docs urgent' }],
          [() => admin, 'PATCH', '/api/v1/sla-policies/987654', { is_active: true }],
          [() => agent.client, 'PATCH', `/api/v1/sla-policies/${policyId}`, { is_active: true }],
          [() => admin, 'DELETE', `/api/v1/sla-policies/${sparePolicyId}`],
          [() => admin, 'DELETE', `/api/v1/sla-policies/${sparePolicyId}`],
          [() => agent.client, 'DELETE', `/api/v1/sla-policies/${policyId}`],
          [() => agent.client, 'GET', `/api/v1/tickets/${ticket.number}/sla`],
          [() => key, 'GET', '/api/v1/tickets/99999999/sla'],
          [() => key, 'GET', '/api/v1/tickets/bad%20number/sla'],
          [() => admin, 'PUT', `/api/v1/departments/${departmentId}/escalation-levels`, { levels: [{ delay_seconds: 0, notify_agent_ids: [agent.id] }, { delay_seconds: 1800, raise_priority_to: 'urgent' }] }],
          [() => admin, 'PUT', `/api/v1/departments/${departmentId}/escalation-levels`, { levels: [{ delay_seconds: 600 }, { delay_seconds: 60 }] }],
          [() => admin, 'PUT', `/api/v1/departments/${departmentId}/escalation-levels`, { levels: [{ delay_seconds: 0, reassign_agent_id: 987654 }] }],
          [() => admin, 'PUT', '/api/v1/departments/987654/escalation-levels', { levels: [] }],
          [() => agent.client, 'PUT', `/api/v1/departments/${departmentId}/escalation-levels`, { levels: [] }],
          [() => agent.client, 'GET', `/api/v1/departments/${departmentId}/escalation-levels`],
          [() => key, 'GET', '/api/v1/departments/987654/escalation-levels'],
          [() => key, 'GET', '/api/v1/departments/abc/escalation-levels'],
        ] as Call[];
      })()],
      ['API keys', [
        [() => admin, 'GET', '/api/v1/api-keys'],
        [() => key, 'GET', '/api/v1/api-keys'],
        [() => admin, 'POST', '/api/v1/api-keys', { name: 'Docs key' }],
        [() => admin, 'POST', '/api/v1/api-keys', {}],
        [() => admin, 'DELETE', `/api/v1/api-keys/${apiKeyId}`],
        [() => admin, 'DELETE', `/api/v1/api-keys/${apiKeyId}`],
        [() => admin, 'DELETE', '/api/v1/api-keys/abc'],
        [() => admin, 'POST', '/api/v1/api-keys', { name: 'Docs intake', scopes: ['channels'] }],
        [() => admin, 'POST', '/api/v1/api-keys', { name: 'Docs nothing', scopes: [] }],
        [() => admin, 'POST', '/api/v1/api-keys', { name: 'Docs tickets', scopes: ['tickets'] }],
        [() => admin, 'PATCH', `/api/v1/api-keys/${scopedKeyId}`, { name: 'Docs scoped reader', scopes: ['read'] }],
        [() => admin, 'PATCH', `/api/v1/api-keys/${scopedKeyId}`, {}],
        [() => admin, 'PATCH', `/api/v1/api-keys/${scopedKeyId}`, { scopes: [] }],
        [() => admin, 'PATCH', `/api/v1/api-keys/${apiKeyId}`, { name: 'Revoked' }],
        [() => admin, 'PATCH', '/api/v1/api-keys/987654', { name: 'Ghost' }],
        [() => admin, 'PATCH', '/api/v1/api-keys/abc', { name: 'Ghost' }],
        [() => key, 'PATCH', `/api/v1/api-keys/${scopedKeyId}`, { scopes: ['read', 'write'] }],
        [() => agent.client, 'PATCH', `/api/v1/api-keys/${scopedKeyId}`, { scopes: ['read', 'write'] }],
        [() => readKey, 'GET', '/api/v1/agents'],
        [() => writeKey, 'GET', '/api/v1/agents'],
      ]],
      // A key without the scope a request needs is refused (403) before the route runs, on any route
      // a key may use: so each of those routes must list 403 among its answers.
      ['API key scopes', [
        [() => readKey, 'GET', `/api/v1/tickets/${ticket.number}`],
        [() => readKey, 'POST', '/api/v1/tickets', { subject: 'Written with a read-only key' }],
        [() => readKey, 'POST', '/api/v1/channels/reviews', { platform: 'google', external_id: 'scope-1', rating: 1 }],
        [() => writeKey, 'GET', '/api/v1/categories'],
        [() => writeKey, 'GET', '/api/v1/tickets'],
      ]],
      ['routing and verification', [
        [() => key, 'GET', '/api/v1/routing-rules'],
        [anon, 'GET', '/api/v1/routing-rules'],
        [() => admin, 'POST', '/api/v1/routing-rules', { name: 'Docs web route', channels: ['web'], sources: ['website'], category_ids: null, customer_ids: [customerId], subject_keywords: ['refund'], department_id: departmentId, is_active: false }],
        [() => admin, 'POST', '/api/v1/routing-rules', { name: 'DOCS ROUTE', department_id: departmentId }],
        [() => admin, 'POST', '/api/v1/routing-rules', { name: 'Ghost route', department_id: 987654 }],
        [() => admin, 'POST', '/api/v1/routing-rules', { name: 'Bad route', channels: ['fax'], department_id: departmentId }],
        [() => agent.client, 'POST', '/api/v1/routing-rules', { name: 'Mine', department_id: departmentId }],
        [() => agent.client, 'GET', `/api/v1/routing-rules/${ruleId}`],
        [() => agent.client, 'GET', '/api/v1/routing-rules/987654'],
        [() => agent.client, 'GET', '/api/v1/routing-rules/abc'],
        [() => admin, 'PATCH', `/api/v1/routing-rules/${ruleId}`, { subject_keywords: ['parcel', 'late delivery'] }],
        [() => admin, 'PATCH', `/api/v1/routing-rules/${ruleId}`, { name: 'docs spare route' }],
        [() => admin, 'PATCH', `/api/v1/routing-rules/${ruleId}`, {}],
        [() => admin, 'PATCH', '/api/v1/routing-rules/987654', { is_active: true }],
        [() => agent.client, 'PATCH', `/api/v1/routing-rules/${ruleId}`, { is_active: true }],
        [() => admin, 'PUT', '/api/v1/routing-rules/order', { ids: [987654] }],
        [() => agent.client, 'PUT', '/api/v1/routing-rules/order', { ids: [] }],
        [() => admin, 'DELETE', `/api/v1/routing-rules/${spareRuleId}`],
        [() => admin, 'DELETE', `/api/v1/routing-rules/${spareRuleId}`],
        [() => agent.client, 'DELETE', `/api/v1/routing-rules/${ruleId}`],
        [() => admin, 'POST', `/api/v1/tickets/${toVerify}/verify`, { department: 987654 }],
        [() => admin, 'POST', `/api/v1/tickets/${toVerify}/verify`, { department: '' }],
        [() => admin, 'POST', `/api/v1/tickets/${stale}/verify`, {}, { 'if-match': '"99"' }],
        [() => key, 'POST', `/api/v1/tickets/${toVerify}/verify`, { department: departmentId }],
        [() => key, 'POST', `/api/v1/tickets/${toVerify}/verify`, {}],
        [() => admin, 'POST', '/api/v1/tickets/99999999/verify', {}],
        [anon, 'POST', `/api/v1/tickets/${stale}/verify`, {}],
        [() => agent.client, 'POST', `/api/v1/tickets/${toReject}/reject`, { reason: '' }],
        [() => agent.client, 'POST', `/api/v1/tickets/${stale}/reject`, {}, { 'if-match': '"99"' }],
        [() => agent.client, 'POST', `/api/v1/tickets/${toReject}/reject`, { reason: 'Spam' }],
        [() => agent.client, 'POST', `/api/v1/tickets/${toReject}/reject`, {}],
        [() => agent.client, 'POST', '/api/v1/tickets/99999999/reject', {}],
        [() => agent.client, 'GET', '/api/v1/tickets?verification=unverified'],
        [() => agent.client, 'GET', '/api/v1/tickets/stats?verification=unverified,rejected'],
        [() => agent.client, 'GET', '/api/v1/me/availability'],
        [() => key, 'GET', '/api/v1/me/availability'],
        [anon, 'GET', '/api/v1/me/availability'],
        [() => other.client, 'PUT', '/api/v1/me/availability', { accepting_tickets: false }],
        [() => other.client, 'PUT', '/api/v1/me/availability', { accepting_tickets: 'no' }],
        [() => key, 'PUT', '/api/v1/me/availability', { accepting_tickets: true }],
        [() => admin, 'PATCH', '/api/v1/settings', { verification_channels: ['in_store', 'fax'] }],
        [() => admin, 'PATCH', `/api/v1/departments/${departmentId}`, { assignment_mode: 'lottery' }],
      ]],
      ['customers', [
        [() => agent.client, 'GET', '/api/v1/customers?search=**'],
        [() => agent.client, 'GET', '/api/v1/customers?search=a'],
        [() => agent.client, 'GET', '/api/v1/customers?limit=0'],
        [() => agent.client, 'POST', '/api/v1/customers', { name: 'Beta Ltd', customer_code: 'BETA' }],
        [() => agent.client, 'POST', '/api/v1/customers', { name: 'Beta Again', customer_code: 'beta' }],
        [() => agent.client, 'POST', '/api/v1/customers', { name: '' }],
        [() => agent.client, 'GET', `/api/v1/customers/${customerId}`],
        [() => agent.client, 'GET', '/api/v1/customers/987654'],
        [() => agent.client, 'PATCH', `/api/v1/customers/${customerId}`, { address: 'Jl. Kemang Raya 5, Jakarta', attributes: { segment: 'b2b' } }],
        [() => agent.client, 'PATCH', `/api/v1/customers/${customerId}`, { customer_code: 'beta' }],
        [() => agent.client, 'PATCH', `/api/v1/customers/${customerId}`, {}],
        [() => agent.client, 'PATCH', '/api/v1/customers/987654', { notes: 'ghost' }],
        [() => key, 'GET', '/api/v1/customer-users?search=budi*'],
        [() => key, 'GET', '/api/v1/customer-users?search=b'],
        [() => key, 'POST', '/api/v1/customer-users', { name: 'Sari', email: 'sari@example.com' }],
        [() => key, 'POST', '/api/v1/customer-users', { name: 'Sari', email: 'SARI@example.com' }],
        [() => key, 'POST', '/api/v1/customer-users', { name: 'Sari', phone: '+62 1234', customer_id: 987654 }],
        [() => key, 'POST', '/api/v1/customer-users', { name: 'Sari' }],
        [() => key, 'GET', `/api/v1/customer-users/${customerUserId}`],
        [() => key, 'GET', '/api/v1/customer-users/987654'],
        [() => key, 'GET', '/api/v1/customer-users/abc'],
        [() => key, 'PATCH', `/api/v1/customer-users/${customerUserId}`, { language: 'id' }],
        [() => key, 'PATCH', `/api/v1/customer-users/${customerUserId}`, { email: 'sari@example.com' }],
        [() => key, 'PATCH', '/api/v1/customer-users/987654', { name: 'Ghost' }],
        [() => key, 'PATCH', `/api/v1/customer-users/${customerUserId}`, { language: 'fr' }],
        [() => agent.client, 'POST', '/api/v1/customer-users/import?dry_run=true', 'name,email\nCsv Person,csv.person@example.com\n', { 'content-type': 'text/csv' }],
        [() => agent.client, 'POST', '/api/v1/customer-users/import', 'name,email\nCsv Person,not-an-email\n', { 'content-type': 'text/csv' }],
        [() => key, 'POST', '/api/v1/customer-users/import', 'name,nickname\nCsv Person,cp\n', { 'content-type': 'text/csv' }],
        [() => key, 'POST', '/api/v1/customer-users/import', { name: 'JSON is not CSV' }],
        [anon, 'POST', '/api/v1/customer-users/import', 'name,email\nAnon,anon@example.com\n', { 'content-type': 'text/csv' }],
        [() => key, 'GET', '/api/v1/customer-users/export'],
        [anon, 'GET', '/api/v1/customer-users/export'],
        [() => admin, 'POST', `/api/v1/customer-users/${customerUserId}/merge`, { into: customerUserId }],
        [() => admin, 'POST', '/api/v1/customer-users/987654/merge', { into: customerUserId }],
        [() => admin, 'POST', `/api/v1/customer-users/${customerUserId}/merge`, { into: 'abc' }],
        [() => agent.client, 'POST', `/api/v1/customer-users/${customerUserId}/merge`, { into: 987654 }],
      ]],
      ['customer information center', [
        [() => key, 'GET', '/api/v1/cic/search?search=**&limit=1'],
        [() => agent.client, 'GET', '/api/v1/cic/search?search=ac*'],
        [() => agent.client, 'GET', '/api/v1/cic/search?search=*'],
        [anon, 'GET', '/api/v1/cic/search?search=**'],
        [() => agent.client, 'GET', `/api/v1/customers/${customerId}/dashboard`],
        [() => agent.client, 'GET', '/api/v1/customers/987654/dashboard'],
        [() => agent.client, 'GET', '/api/v1/customers/abc/dashboard'],
        [anon, 'GET', `/api/v1/customers/${customerId}/dashboard`],
        [() => key, 'GET', `/api/v1/customer-users/${customerUserId}/dashboard`],
        [() => key, 'GET', '/api/v1/customer-users/987654/dashboard'],
        [() => key, 'GET', '/api/v1/customer-users/abc/dashboard'],
        [anon, 'GET', `/api/v1/customer-users/${customerUserId}/dashboard`],
        [() => agent.client, 'GET', `/api/v1/customers/${customerId}/dashboard/new?filter=my_departments&limit=1`],
        [() => agent.client, 'GET', `/api/v1/customers/${customerId}/dashboard/archived`],
        [() => agent.client, 'GET', '/api/v1/customers/987654/dashboard/new'],
        [anon, 'GET', `/api/v1/customers/${customerId}/dashboard/new`],
        [() => agent.client, 'GET', `/api/v1/customer-users/${customerUserId}/dashboard/open?filter=my_locked`],
        [() => key, 'GET', `/api/v1/customer-users/${customerUserId}/dashboard/reminder?filter=my_locked`],
        [() => key, 'GET', '/api/v1/customer-users/987654/dashboard/escalated'],
        [anon, 'GET', `/api/v1/customer-users/${customerUserId}/dashboard/new`],
        [() => agent.client, 'GET', '/api/v1/me/preferences/cic_layout'],
        [() => agent.client, 'GET', '/api/v1/me/preferences/theme'],
        [() => key, 'GET', '/api/v1/me/preferences/cic_layout'],
        [anon, 'GET', '/api/v1/me/preferences/cic_layout'],
        [() => agent.client, 'PUT', '/api/v1/me/preferences/cic_layout', { value: { order: ['open', 'new'], hidden: ['reminder'] } }],
        [() => agent.client, 'PUT', '/api/v1/me/preferences/cic_layout', { value: { order: ['open', 'open'], hidden: [] } }],
        [() => key, 'PUT', '/api/v1/me/preferences/cic_layout', { value: { order: [], hidden: [] } }],
        [anon, 'PUT', '/api/v1/me/preferences/cic_layout', { value: { order: [], hidden: [] } }],
      ]],
      ['tickets', [
        [() => key, 'POST', '/api/v1/tickets', { subject: 'Late parcel', customer: { name: 'Rina', email: 'rina@example.com' } }, { 'idempotency-key': 'docs-1' }],
        [() => key, 'POST', '/api/v1/tickets', { subject: 'Late parcel', customer: { name: 'Rina', email: 'rina@example.com' } }, { 'idempotency-key': 'docs-1' }],
        [() => key, 'POST', '/api/v1/tickets', { subject: 'Other parcel' }, { 'idempotency-key': 'docs-1' }],
        [() => key, 'POST', '/api/v1/tickets', { subject: 'Unknown category', category: 'Nope' }],
        [() => key, 'POST', '/api/v1/tickets', { subject: '' }],
        [() => key, 'POST', '/api/v1/tickets', { subject: 'Huge', description: 'x'.repeat(200 * 1024) }],
        [() => agent.client, 'GET', '/api/v1/tickets?status=new,open&sort=-number&limit=1'],
        [() => agent.client, 'GET', '/api/v1/tickets?q=parcel'],
        [() => agent.client, 'GET', '/api/v1/tickets?status=bogus'],
        [() => agent.client, 'GET', '/api/v1/tickets/stats'],
        [() => agent.client, 'GET', '/api/v1/tickets/stats?department=1&status=overdue'],
        [() => agent.client, 'GET', '/api/v1/tickets/stats?priority=extreme'],
        [() => key, 'GET', `/api/v1/tickets/${ticket.number}`],
        [() => key, 'GET', '/api/v1/tickets/99999999'],
        [() => key, 'GET', '/api/v1/tickets/bad%20number'],
        [() => agent.client, 'PATCH', `/api/v1/tickets/${ticket.number}`, { priority: 'high', tags: ['vip'] }],
        [() => agent.client, 'PATCH', `/api/v1/tickets/${ticket.number}`, { priority: 'low' }, { 'if-match': '"1"' }],
        [() => agent.client, 'PATCH', `/api/v1/tickets/${ticket.number}`, {}],
        [() => agent.client, 'PATCH', '/api/v1/tickets/99999999', { priority: 'low' }],
        [() => agent.client, 'POST', `/api/v1/tickets/${ticket.number}/lock`],
        [() => other.client, 'PATCH', `/api/v1/tickets/${ticket.number}`, { priority: 'low' }],
        [() => other.client, 'POST', `/api/v1/tickets/${ticket.number}/lock`],
        [() => key, 'POST', `/api/v1/tickets/${ticket.number}/lock`],
        [() => agent.client, 'POST', '/api/v1/tickets/99999999/lock'],
        [() => agent.client, 'POST', '/api/v1/tickets/bad%20number/lock'],
        [() => agent.client, 'POST', `/api/v1/tickets/${ticket.number}/unlock`],
        [() => agent.client, 'POST', `/api/v1/tickets/${ticket.number}/transitions`, { to: 'open' }],
        [() => agent.client, 'POST', `/api/v1/tickets/${ticket.number}/transitions`, { to: 'new' }],
        [() => agent.client, 'POST', `/api/v1/tickets/${ticket.number}/transitions`, { to: 'pending' }],
        [() => agent.client, 'POST', `/api/v1/tickets/${ticket.number}/transitions`, { to: 'resolved', resolution: 'Done' }, { 'if-match': '"1"' }],
        [() => agent.client, 'POST', '/api/v1/tickets/99999999/transitions', { to: 'open' }],
        [() => agent.client, 'POST', `/api/v1/tickets/${ticket.number}/messages`, { body: 'Internal only', visibility: 'internal' }],
        [() => agent.client, 'POST', `/api/v1/tickets/${ticket.number}/messages`, { body: '   ' }],
        [() => agent.client, 'POST', `/api/v1/tickets/${ticket.number}/messages`, { body: 'Stale' }, { 'if-match': '"1"' }],
        [() => agent.client, 'POST', `/api/v1/tickets/${ticket.number}/messages`, { body: 'y'.repeat(200 * 1024) }],
        [() => agent.client, 'POST', '/api/v1/tickets/99999999/messages', { body: 'Lost' }],
        [() => agent.client, 'GET', `/api/v1/tickets/${ticket.number}/messages?limit=1`],
        [() => agent.client, 'GET', `/api/v1/tickets/${ticket.number}/messages?cursor=not-a-cursor`],
        [() => agent.client, 'GET', '/api/v1/tickets/99999999/messages'],
        [() => agent.client, 'GET', `/api/v1/tickets/${ticket.number}/history`],
        [() => agent.client, 'GET', '/api/v1/tickets/99999999/history'],
        [() => key, 'GET', `/api/v1/tickets/${ticket.number}/attachments/${attachmentId}`],
        [() => key, 'GET', `/api/v1/tickets/${ticket.number}/attachments/987654`],
        [() => key, 'GET', `/api/v1/tickets/${ticket.number}/attachments/abc`],
        [anon, 'GET', `/api/v1/tickets/${ticket.number}/attachments/${attachmentId}`],
      ]],
      ['notifications', [
        [() => agent.client, 'GET', '/api/v1/notifications?limit=1'],
        [() => agent.client, 'GET', '/api/v1/notifications?unread=maybe'],
        [() => key, 'GET', '/api/v1/notifications'],
        [() => agent.client, 'POST', `/api/v1/notifications/${noticeId}/read`],
        [() => other.client, 'POST', `/api/v1/notifications/${noticeId}/read`],
        [() => agent.client, 'POST', '/api/v1/notifications/abc/read'],
        [() => agent.client, 'POST', '/api/v1/notifications/read-all', { up_to: noticeId }],
        [() => agent.client, 'POST', '/api/v1/notifications/read-all', { up_to: 'all' }],
        [anon, 'POST', '/api/v1/notifications/read-all'],
      ]],
      ['portal', (() => {
        const base = '/api/v1/portal/docs-shop';
        const own = () => `${base}/tickets/${ticket.number}`;
        return [
          [anon, 'GET', `${base}/config`],
          [anon, 'GET', '/api/v1/portal/nowhere/config'],
          [anon, 'POST', `${base}/sign-in`, { email: 'budi@example.com' }],
          [anon, 'POST', `${base}/sign-in`, { email: 'nope' }],
          [anon, 'GET', '/portal/docs-shop/auth?token=not-a-token'],
          [anon, 'GET', '/portal/nowhere/auth?token=not-a-token'],
          [() => portal, 'GET', `${base}/me`],
          [anon, 'GET', `${base}/me`],
          [() => portal, 'PATCH', `${base}/me`, { language: 'id' }],
          [() => portal, 'PATCH', `${base}/me`, { language: 'fr' }],
          [() => portal, 'GET', `${base}/tickets?limit=1`],
          [() => portal, 'GET', `${base}/tickets?cursor=nonsense`],
          [() => portal, 'GET', own()],
          [() => portal, 'GET', `${base}/tickets/99999999`],
          [() => portal, 'GET', `${own()}/notes`],
          [() => portal, 'POST', `${own()}/notes`, { body: 'Thank you' }],
          [() => portal, 'POST', `${own()}/notes`, { body: '' }],
          [() => portal, 'GET', `${own()}/attachments/${attachmentId}`],
          [() => portal, 'GET', `${own()}/attachments/987654`],
          [() => portal, 'GET', `${own()}/history`],
          [() => portal, 'POST', `${own()}/resolve`, {}],
          [() => portal, 'POST', `${own()}/resolve`, {}],
          [() => portal, 'POST', `${own()}/reopen`],
          [() => portal, 'POST', `${own()}/reopen`],
          [anon, 'POST', `${base}/requests`, { name: 'Ana', email: 'ana@example.com', description: 'My parcel is late' }],
          [anon, 'POST', `${base}/requests`, { name: 'Bot', email: 'bot@example.com', description: 'spam', website: 'http://spam.example' }],
          [anon, 'POST', `${base}/requests`, { name: 'Eko', email: 'eko@example.com', description: 'The lid broke', custom_fields: { product_line: 'kitchen' } }],
          [anon, 'POST', `${base}/requests`, { name: 'Eko', email: 'eko@example.com', description: 'The lid broke', custom_fields: { product_line: 'toys' } }],
          [anon, 'GET', `${base}/events`],
          [() => portal, 'POST', `${base}/sign-out`],
          [() => portal, 'POST', `${base}/sign-out`],
        ] as Call[];
      })()],
      ['channel intake', [
        [() => key, 'POST', '/api/v1/channels/reviews', { platform: 'google', external_id: 'oa-1', rating: 2, text: 'Cold soup', location: 'Kemang', url: 'https://g.example/r/1' }],
        [() => key, 'POST', '/api/v1/channels/reviews', { platform: 'google', external_id: 'oa-1', rating: 2, text: 'Cold soup', location: 'Kemang', url: 'https://g.example/r/1' }],
        [() => key, 'POST', '/api/v1/channels/reviews', { platform: 'google', external_id: 'oa-2', rating: 5 }],
        [() => key, 'POST', '/api/v1/channels/reviews', { platform: 'google', external_id: 'oa-3', rating: 9 }],
        [anon, 'POST', '/api/v1/channels/reviews', { platform: 'google', external_id: 'oa-4', rating: 1 }],
        [() => key, 'POST', '/api/v1/channels/orders', { source: 'ebay', order_number: 'OA-1', external_id: 'RET-1', customer: { name: 'Siti', email: 'siti.oa@example.com' }, items: [{ name: 'Kettle', quantity: 1, price: 20 }], category: 'Damage', message: 'Dented' }],
        [() => key, 'POST', '/api/v1/channels/orders', { source: 'ebay', order_number: 'OA-1', external_id: 'RET-1', customer: { name: 'Siti', email: 'siti.oa@example.com' }, items: [{ name: 'Kettle', quantity: 1, price: 20 }], category: 'Damage', message: 'Dented' }],
        [() => key, 'POST', '/api/v1/channels/orders', { source: 'nowhere', order_number: 'OA-2', customer: { name: 'Siti', email: 'siti.oa@example.com' } }],
        [() => key, 'POST', '/api/v1/channels/orders', { source: 'ebay', order_number: 'OA-3', customer: { name: 'Siti', email: 'siti.oa@example.com' }, category: 'Nope' }],
        [() => agent.client, 'GET', '/api/v1/channels/sources'],
        [() => agent.client, 'GET', '/api/v1/channels/sources?channel=review&include_retired=true'],
        [() => agent.client, 'GET', '/api/v1/channels/sources?channel=chat'],
        [() => admin, 'POST', '/api/v1/channels/sources', { channel: 'marketplace', key: 'tokopedia', label: 'Tokopedia' }],
        [() => admin, 'POST', '/api/v1/channels/sources', { channel: 'marketplace', key: 'tokopedia', label: 'Tokopedia' }],
        [() => agent.client, 'POST', '/api/v1/channels/sources', { channel: 'marketplace', key: 'shopee', label: 'Shopee' }],
        [() => admin, 'PATCH', '/api/v1/channels/sources/marketplace/tokopedia', { retired: true }],
        [() => admin, 'PATCH', '/api/v1/channels/sources/marketplace/nowhere', { label: 'x' }],
        [() => admin, 'PATCH', '/api/v1/channels/sources/marketplace/tokopedia', {}],
        [() => key, 'GET', '/api/v1/channels/review-rules'],
        [() => admin, 'PUT', '/api/v1/channels/review-rules', { max_rating: 2, keywords: ['refund'], locations: [] }],
        [() => admin, 'PUT', '/api/v1/channels/review-rules', { max_rating: 2, keywords: [], locations: [{ location: 'Kemang', department: 987654 }] }],
        [() => agent.client, 'PUT', '/api/v1/channels/review-rules', { max_rating: 2, keywords: [], locations: [] }],
      ]],
      ['reports', [
        [() => admin, 'GET', '/api/v1/reports/overview'],
        [() => key, 'GET', '/api/v1/reports/overview?preset=last_7_days&interval=day&channel=email,phone&priority=high'],
        [() => agent.client, 'GET', '/api/v1/reports/overview?from=2026-01-02&to=2026-01-01'],
        [() => agent.client, 'GET', '/api/v1/reports/overview?colour=blue'],
        [anon, 'GET', '/api/v1/reports/overview'],
        [() => admin, 'GET', '/api/v1/reports/overview.csv?table=volume'],
        [() => admin, 'GET', '/api/v1/reports/overview.csv?table=sales'],
        [anon, 'GET', '/api/v1/reports/overview.csv?table=volume'],
        [() => admin, 'GET', '/api/v1/reports/activity?limit=2'],
        [() => key, 'GET', '/api/v1/reports/activity?actor=agent,customer&type=created,resolved'],
        [() => admin, 'GET', '/api/v1/reports/activity?cursor=not-a-cursor'],
        [anon, 'GET', '/api/v1/reports/activity'],
        [() => admin, 'GET', '/api/v1/reports/activity.csv?preset=today'],
        [() => admin, 'GET', '/api/v1/reports/activity.csv?preset=fortnight'],
        [anon, 'GET', '/api/v1/reports/activity.csv'],
      ]],
      ['outbox and mail templates', [
        [() => admin, 'GET', '/api/v1/outbox?limit=1'],
        [() => admin, 'GET', '/api/v1/outbox?status=kept'],
        [() => admin, 'GET', '/api/v1/outbox?status=lost'],
        [() => admin, 'GET', '/api/v1/outbox?cursor=not-a-cursor'],
        [() => agent.client, 'GET', '/api/v1/outbox'],
        [() => admin, 'GET', `/api/v1/outbox/${outboxId}`],
        [() => admin, 'GET', '/api/v1/outbox/987654'],
        [() => admin, 'GET', '/api/v1/outbox/abc'],
        [() => key, 'GET', `/api/v1/outbox/${outboxId}`],
        [() => admin, 'POST', `/api/v1/outbox/${outboxId}/retry`],
        [() => admin, 'POST', `/api/v1/outbox/${outboxId}/retry`],
        [() => admin, 'POST', '/api/v1/outbox/987654/retry'],
        [() => agent.client, 'POST', `/api/v1/outbox/${outboxId}/retry`],
        [() => admin, 'GET', '/api/v1/admin/jobs'],
        [() => agent.client, 'GET', '/api/v1/admin/jobs'],
        [() => admin, 'GET', '/api/v1/admin/inbound-mails'],
        [() => admin, 'GET', '/api/v1/admin/inbound-mails?outcome=pending'],
        [() => admin, 'GET', '/api/v1/admin/inbound-mails?outcome=sideways'],
        [() => agent.client, 'GET', '/api/v1/admin/inbound-mails'],
        [() => admin, 'GET', '/api/v1/admin/inbound-mails/987654/raw'],
        [() => admin, 'GET', '/api/v1/admin/imap-mailboxes'],
        [() => agent.client, 'GET', '/api/v1/admin/imap-mailboxes'],
        [() => admin, 'POST', '/api/v1/admin/imap-mailboxes', { department_id: departmentId, host: '127.0.0.1', tls_mode: 'none', username: 'spare', password: 'imap-secret', enabled: false }],
        [() => admin, 'POST', '/api/v1/admin/imap-mailboxes', { department_id: departmentId, host: '127.0.0.1', tls_mode: 'none', username: 'spare', password: 'imap-secret' }],
        [() => admin, 'POST', '/api/v1/admin/imap-mailboxes', { department_id: 987654, host: 'imap.example.com', port: 70000, username: 'x', password: 'y' }],
        [() => key, 'POST', '/api/v1/admin/imap-mailboxes', { department_id: departmentId, host: '127.0.0.1', username: 'x', password: 'y' }],
        [() => admin, 'POST', '/api/v1/admin/imap-mailboxes/test', { host: '127.0.0.1', port: 9, tls_mode: 'none', username: 'x', password: 'y' }],
        [() => admin, 'POST', '/api/v1/admin/imap-mailboxes/test', { host: 'bad host', username: 'x', password: 'y' }],
        [() => admin, 'GET', `/api/v1/admin/imap-mailboxes/${imapMailboxId}`],
        [() => admin, 'GET', '/api/v1/admin/imap-mailboxes/987654'],
        [() => admin, 'PATCH', `/api/v1/admin/imap-mailboxes/${imapMailboxId}`, { folder: 'Support', enabled: false }],
        [() => admin, 'PATCH', `/api/v1/admin/imap-mailboxes/${imapMailboxId}`, { department_id: 987654 }],
        [() => admin, 'PATCH', '/api/v1/admin/imap-mailboxes/987654', { enabled: true }],
        [() => admin, 'POST', `/api/v1/admin/imap-mailboxes/${imapMailboxId}/test`],
        [() => admin, 'POST', '/api/v1/admin/imap-mailboxes/987654/test'],
        [() => agent.client, 'POST', `/api/v1/admin/imap-mailboxes/${imapMailboxId}/test`],
        [() => admin, 'DELETE', `/api/v1/admin/imap-mailboxes/${imapMailboxId}`],
        [() => admin, 'DELETE', `/api/v1/admin/imap-mailboxes/${imapMailboxId}`],
        [() => agent.client, 'GET', `/api/v1/tickets/${ticket.number}/mails/987654/raw`],
        [() => key, 'GET', `/api/v1/tickets/${ticket.number}/mails/abc/raw`],
        [anon, 'GET', `/api/v1/tickets/${ticket.number}/mails/1/raw`],
        [() => admin, 'GET', '/api/v1/mail-templates'],
        [() => agent.client, 'GET', '/api/v1/mail-templates'],
        [() => admin, 'PUT', '/api/v1/mail-templates/ticket_created/en', { subject: 'Got it: #{{ticket.number}}', body: 'Thanks, {{recipient.name}}.\n\n{{link}}' }],
        [() => admin, 'PUT', '/api/v1/mail-templates/ticket_created/en', { subject: 'Hi {{customer.name}}', body: 'x' }],
        [() => admin, 'PUT', '/api/v1/mail-templates/welcome/en', { subject: 's', body: 'b' }],
        [() => key, 'PUT', '/api/v1/mail-templates/ticket_created/id', { subject: 's', body: 'b' }],
        [() => admin, 'DELETE', '/api/v1/mail-templates/ticket_created/en'],
        [() => admin, 'DELETE', '/api/v1/mail-templates/ticket_created/xx'],
        [() => agent.client, 'DELETE', '/api/v1/mail-templates/ticket_created/en'],
        [anon, 'GET', '/api/v1/mail-templates'],
        [() => admin, 'POST', '/api/v1/mail-templates/ticket_created/en/preview', {}],
        [() => admin, 'POST', '/api/v1/mail-templates/agent_invitation/id/preview', { subject: 'Undangan ke {{workspace.name}}' }],
        [() => admin, 'POST', '/api/v1/mail-templates/password_reset/en/preview', { body: 'Ticket {{ticket.number}}' }],
        [() => admin, 'POST', '/api/v1/mail-templates/welcome/en/preview', {}],
        [() => agent.client, 'POST', '/api/v1/mail-templates/ticket_created/en/preview', {}],
        [anon, 'POST', '/api/v1/mail-templates/ticket_created/en/preview', {}],
        [() => admin, 'POST', '/api/v1/mail-templates/password_reset/en/test', {}],
        [() => admin, 'POST', '/api/v1/mail-templates/ticket_created/en/test', { subject: 'Hi {{nope}}' }],
        [() => key, 'POST', '/api/v1/mail-templates/ticket_created/en/test', {}],
      ]],
      ['audit log and system', [
        [() => admin, 'GET', '/api/v1/admin/audit-log?limit=2'],
        [() => admin, 'GET', '/api/v1/admin/audit-log?entity=ticket_field'],
        [() => admin, 'GET', '/api/v1/admin/audit-log?cursor=not-a-cursor'],
        [() => admin, 'GET', '/api/v1/admin/audit-log?colour=blue'],
        [() => agent.client, 'GET', '/api/v1/admin/audit-log'],
        [anon, 'GET', '/api/v1/admin/audit-log'],
        [() => admin, 'GET', '/api/v1/admin/system'],
        [() => key, 'GET', '/api/v1/admin/system'],
        [anon, 'GET', '/api/v1/admin/system'],
        // 200 on the embedded database, 409 on PostgreSQL (autovacuum keeps it).
        [() => admin, 'POST', '/api/v1/admin/system/maintenance'],
        [() => agent.client, 'POST', '/api/v1/admin/system/maintenance'],
        [anon, 'POST', '/api/v1/admin/system/maintenance'],
      ]],
      ['webhooks', [
        [() => admin, 'GET', '/api/v1/admin/webhooks'],
        [() => agent.client, 'GET', '/api/v1/admin/webhooks'],
        [anon, 'GET', '/api/v1/admin/webhooks'],
        [() => admin, 'POST', '/api/v1/admin/webhooks', { url: 'http://127.0.0.1:9/other', events: ['ticket.assigned', 'ticket.escalated'], allow_private: true }],
        [() => admin, 'POST', '/api/v1/admin/webhooks', { url: 'http://127.0.0.1:9/other', events: ['ticket.assigned'] }],
        [() => admin, 'POST', '/api/v1/admin/webhooks', { url: 'gopher://example.com', events: ['ticket.nope'] }],
        [() => key, 'POST', '/api/v1/admin/webhooks', { url: 'http://127.0.0.1:9/other', events: ['ticket.assigned'], allow_private: true }],
        [() => admin, 'GET', `/api/v1/admin/webhooks/${webhookId}`],
        [() => admin, 'GET', '/api/v1/admin/webhooks/987654'],
        [() => admin, 'PATCH', `/api/v1/admin/webhooks/${webhookId}`, { description: 'Docs', enabled: false }],
        [() => admin, 'PATCH', `/api/v1/admin/webhooks/${webhookId}`, { enabled: true }],
        [() => admin, 'PATCH', `/api/v1/admin/webhooks/${webhookId}`, { events: [] }],
        [() => admin, 'PATCH', '/api/v1/admin/webhooks/987654', { enabled: true }],
        [() => admin, 'POST', `/api/v1/admin/webhooks/${webhookId}/rotate-secret`],
        [() => admin, 'POST', '/api/v1/admin/webhooks/987654/rotate-secret'],
        [() => agent.client, 'POST', `/api/v1/admin/webhooks/${webhookId}/rotate-secret`],
        [() => admin, 'GET', `/api/v1/admin/webhooks/${webhookId}/deliveries?limit=1`],
        [() => admin, 'GET', `/api/v1/admin/webhooks/${webhookId}/deliveries?status=lost`],
        [() => admin, 'GET', '/api/v1/admin/webhooks/987654/deliveries'],
        [() => admin, 'POST', `/api/v1/admin/webhooks/${webhookId}/deliveries/${webhookDeliveryId}/retry`],
        [() => admin, 'POST', `/api/v1/admin/webhooks/${webhookId}/deliveries/${webhookDeliveryId}/retry`],
        [() => admin, 'POST', `/api/v1/admin/webhooks/${webhookId}/deliveries/987654/retry`],
        [() => admin, 'POST', `/api/v1/admin/webhooks/${webhookId}/test`],
        [() => admin, 'POST', '/api/v1/admin/webhooks/987654/test'],
        [() => admin, 'DELETE', `/api/v1/admin/webhooks/${webhookId}`],
        [() => admin, 'DELETE', `/api/v1/admin/webhooks/${webhookId}`],
        [() => agent.client, 'DELETE', '/api/v1/admin/webhooks/1'],
      ]],
      ['operations', [
        [anon, 'GET', '/api/v1/events'],
        [anon, 'GET', '/healthz'],
        [anon, 'GET', '/readyz'],
      ]],
    ];

    for (const group of ['setup and sign-up', 'sign-in and sessions', 'settings', 'agents', 'departments', 'categories', 'ticket fields', 'service levels', 'routing and verification', 'API keys', 'API key scopes', 'customers', 'customer information center', 'tickets', 'notifications', 'portal', 'channel intake', 'reports', 'outbox and mail templates', 'audit log and system', 'webhooks', 'operations']) {
      it(`${group}: every status answered is documented and every body matches its schema`, async () => {
        const entries = calls().find(([g]) => g === group)?.[1] ?? [];
        const failures: string[] = [];
        for (const [client, method, url, body, headers] of entries) {
          const c = typeof client === 'function' ? client() : client;
          const res = await c.request(method, url, body ?? (method === 'POST' ? {} : undefined), headers ?? {});
          try {
            conforms(method, url, res);
          } catch (error) {
            failures.push(`${method} ${url} → ${res.status}: ${(error as Error).message.split('\n')[0]}`);
          }
        }
        expect(failures).toEqual([]);
      });
    }

    it('answered every documented operation at least once above (so no route went unchecked)', () => {
      const covered = new Set(seen.map((s) => s.key));
      const unchecked = expectedOperations.filter((op) => !covered.has(op) && !['GET /metrics', 'GET /api/openapi.json'].includes(op));
      expect(unchecked).toEqual([]);
    });
  });

  /** The node a JSON pointer `#/…` names in the document. */
  function pointer(ref: string): unknown {
    return ref
      .replace(/^#\//, '')
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
  }

  function resolve(schema: unknown): unknown {
    const ref = (schema as { $ref?: string } | undefined)?.$ref;
    return ref ? pointer(ref) : schema;
  }
});
