import { z } from 'zod';
import { errors } from '../../contract/common.ts';
import { mailTemplate, mailTemplateList, mailTemplateParams, putMailTemplateBody } from '../../contract/mail.ts';
import { requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { listMailTemplates, resetMailTemplate, saveMailTemplate } from './templates.service.ts';

/** The wording of the workspace's mails, per template and language (admin). */
export function mailTemplatesRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/mail-templates', {
    schema: {
      tags: ['mail templates'],
      summary: 'Every mail in every language, with its current wording and the variables it may use (admin)',
      response: { 200: mailTemplateList, ...errors(401, 403) },
    },
    handler: async (request) => ({ items: await listMailTemplates(deps, requireAdmin(request).orgId), next_cursor: null }),
  });
  app.put('/api/v1/mail-templates/:template/:language', {
    config: { audit: 'mail_template' },
    schema: {
      tags: ['mail templates'],
      summary: "Set the workspace's own wording of a mail (admin); 400 names an unknown variable",
      params: mailTemplateParams,
      body: putMailTemplateBody,
      response: { 200: mailTemplate, ...errors(400, 401, 403) },
    },
    handler: async (request) => {
      const { template, language } = request.params;
      return saveMailTemplate(deps, requireAdmin(request).orgId, template, language, request.body);
    },
  });
  app.delete('/api/v1/mail-templates/:template/:language', {
    config: { audit: 'mail_template' },
    schema: {
      tags: ['mail templates'],
      summary: 'Go back to the built-in wording of a mail (admin)',
      params: mailTemplateParams,
      response: { 204: z.null().describe('The built-in wording applies again'), ...errors(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const { template, language } = request.params;
      await resetMailTemplate(deps, requireAdmin(request).orgId, template, language);
      return reply.code(204).send(null);
    },
  });
}
