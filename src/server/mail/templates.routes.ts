import type { FastifyRequest } from 'fastify';
import type { Language } from '../../contract/workspaces.ts';
import type { MailTemplate } from './mail-request.ts';
import { z } from 'zod';
import { errors } from '../../contract/common.ts';
import { draftMailTemplateBody, mailPreview, mailTemplate, mailTemplateList, mailTemplateParams, mailTestSent, putMailTemplateBody } from '../../contract/mail.ts';
import { requireAdmin } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import { findItem, listMailTemplates, previewMailTemplate, resetMailTemplate, saveMailTemplate, sendTestMail } from './templates.service.ts';

/** The wording of the workspace's mails, per template and language (admin). */
export function mailTemplatesRoutes(app: App, deps: Deps): void {
  // The audit log's "before": the wording the mail had (the built-in one is not customised).
  const templateBefore = async (request: FastifyRequest) => {
    const { template, language } = request.params as { template: MailTemplate; language: Language };
    return findItem(deps, requireAdmin(request).orgId, template, language).catch(() => null);
  };
  app.get('/api/v1/mail-templates', {
    schema: {
      tags: ['mail templates'],
      summary: 'Every mail in every language, with its current wording and the variables it may use (admin)',
      response: { 200: mailTemplateList, ...errors(401, 403) },
    },
    handler: async (request) => ({ items: await listMailTemplates(deps, requireAdmin(request).orgId), next_cursor: null }),
  });
  app.put('/api/v1/mail-templates/:template/:language', {
    config: { audit: 'mail_template', auditBefore: templateBefore },
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
    config: { audit: 'mail_template', auditBefore: templateBefore },
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
  app.post('/api/v1/mail-templates/:template/:language/preview', {
    schema: {
      tags: ['mail templates'],
      summary: 'Render a mail with a sample ticket (admin): the draft sent, or the current wording; 400 names an unknown variable',
      params: mailTemplateParams,
      body: draftMailTemplateBody,
      response: { 200: mailPreview, ...errors(400, 401, 403) },
    },
    handler: async (request) => {
      const { template, language } = request.params;
      return previewMailTemplate(deps, requireAdmin(request), template, language, request.body);
    },
  });
  app.post('/api/v1/mail-templates/:template/:language/test', {
    schema: {
      tags: ['mail templates'],
      summary: 'Mail the sample to yourself (admin), through the outbox; the subject starts with [Test]',
      params: mailTemplateParams,
      body: draftMailTemplateBody,
      response: { 202: mailTestSent, ...errors(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const { template, language } = request.params;
      return reply.code(202).send(await sendTestMail(deps, requireAdmin(request), template, language, request.body));
    },
  });
}
