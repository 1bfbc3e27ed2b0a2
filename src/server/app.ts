import { errorResponse } from '../contract/common.ts';
import { systemRoutes } from './system/system.routes.ts';
import { ticketFieldsRoutes } from './ticket-fields/ticket-fields.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { limits } from '../contract/limits.ts';
import { agentsRoutes } from './agents/agents.routes.ts';
import { apiKeysRoutes } from './api-keys/api-keys.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { categoriesRoutes } from './categories/categories.routes.ts';
import { channelsRoutes } from './channels/channels.routes.ts';
import { cicRoutes } from './cic/cic.routes.ts';
import { customersBulkRoutes } from './customers/customers-bulk.routes.ts';
import { customersRoutes } from './customers/customers.routes.ts';
import { departmentsRoutes } from './departments/departments.routes.ts';
import { jobsRoutes } from './jobs/jobs.routes.ts';
import { inboundMailRoutes } from './email/inbound.routes.ts';
import { imapRoutes } from './email/imap.routes.ts';
import { ticketMailRoutes } from './email/ticket-mail.routes.ts';
import { eventsRoutes } from './live/events.routes.ts';
import type { LiveBus } from './live/live-bus.ts';
import { outboxRoutes } from './mail/outbox.routes.ts';
import { mailTemplatesRoutes } from './mail/templates.routes.ts';
import { notificationsRoutes } from './notifications/notifications.routes.ts';
import { portalRoutes } from './portal/portal.routes.ts';
import { reportsRoutes } from './reports/reports.routes.ts';
import { routingRoutes } from './routing/routing.routes.ts';
import { operationsRoutes } from './operations/operations.routes.ts';
import type { App, Deps } from './platform/deps.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { refuseNul } from './platform/http/refuse-nul.ts';
import { slaRoutes } from './sla/sla.routes.ts';
import { multipartLimits, refuseStrayMultipart } from './tickets/attachment-upload.ts';
import { withMessageForm } from './tickets/attachments.routes.ts';
import { ticketsRoutes } from './tickets/tickets.routes.ts';
import { webhooksRoutes } from './webhooks/webhooks.routes.ts';
import { workspacesRoutes } from './workspaces/workspaces.routes.ts';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Builds the HTTP application: API, OpenAPI document and docs, operations endpoints, web app. */
export async function buildApp(deps: Deps, options: { logger?: FastifyServerOptions['logger']; live: LiveBus }): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.LOG_LEVEL },
    bodyLimit: limits.bodyMaxBytes,
    trustProxy: deps.config.TRUST_PROXY,
    requestIdHeader: 'x-request-id',
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON only: anything else is 415, not a string for the validator to refuse.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  // Responses are built from typed domain objects; the response schemas document them.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorateRequest('actor', null);
  installErrorHandler(app);
  await app.register(fastifyCookie);
  // Multipart bodies are read only by the routes that ask for them (messages with files).
  await app.register(fastifyMultipart, { limits: multipartLimits });
  app.addHook('preValidation', refuseStrayMultipart);
  app.addHook('preValidation', refuseNul);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Caredesk API', version: '1.0.0', description: 'Customer care and complaint management. Errors: {"error": {"code", "message", "details"}}.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'caredesk_session' },
          portalSession: { type: 'apiKey', in: 'cookie', name: 'caredesk_portal', description: "A customer's portal session, set by a sign-in link" },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: cdk_…' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: withMessageForm(jsonSchemaTransform),
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  // Any route that takes credentials may refuse an API key without the scope it needs (403).
  app.addHook('onRoute', (route) => {
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (response && 401 in response && !(403 in response)) response[403] = errorResponse;
  });

  authRoutes(app, deps);
  auditRoutes(app, deps);
  workspacesRoutes(app, deps);
  agentsRoutes(app, deps);
  departmentsRoutes(app, deps);
  categoriesRoutes(app, deps);
  ticketFieldsRoutes(app, deps);
  slaRoutes(app, deps);
  routingRoutes(app, deps);
  apiKeysRoutes(app, deps);
  customersRoutes(app, deps);
  customersBulkRoutes(app, deps);
  cicRoutes(app, deps);
  ticketsRoutes(app, deps);
  reportsRoutes(app, deps);
  channelsRoutes(app, deps);
  notificationsRoutes(app, deps);
  outboxRoutes(app, deps);
  jobsRoutes(app, deps);
  systemRoutes(app, deps);
  inboundMailRoutes(app, deps);
  imapRoutes(app, deps);
  ticketMailRoutes(app, deps);
  webhooksRoutes(app, deps);
  mailTemplatesRoutes(app, deps);
  operationsRoutes(app, deps);
  eventsRoutes(app, deps, options.live);
  portalRoutes(app, deps, options.live);

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // The build writes .br and .gz beside each asset; a browser that accepts one gets it.
      preCompressed: true,
      // Asset names carry a hash of their content: a cached copy never needs checking again.
      setHeaders: (reply, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    // Client-side routes: any other GET outside the API gets an app shell, the portal's under /portal/.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      if (request.url.startsWith('/portal/')) return reply.header('referrer-policy', 'no-referrer').sendFile('portal.html');
      return reply.sendFile('index.html');
    });
  }
  return app;
}
