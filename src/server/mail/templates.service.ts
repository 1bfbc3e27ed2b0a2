import type { MailPreview, MailTemplateItem, MailTestSent, PutMailTemplateBody } from '../../contract/mail.ts';
import { findAgent } from '../agents/agents.repository.ts';
import type { AgentActor } from '../platform/actor.ts';
import { publicBaseUrl } from '../platform/public-url.ts';
import { formatTicketNumber } from '../../contract/ticket-number.ts';
import { getWorkspace } from '../workspaces/workspaces.service.ts';
import { enqueueMail } from './enqueue.ts';
import { renderMail } from './render.ts';
import { sampleValues } from './sample-mail.ts';
import { layoutWords } from './templates/built-in.ts';
import { languages, type Language } from '../../contract/workspaces.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { mailTemplates, type MailTemplate } from './mail-request.ts';
import { checkTemplate } from './template-check.ts';
import { templateVariables } from './template-variables.ts';
import { builtInTemplate } from './templates/built-in.ts';
import { deleteTemplateOverride, listTemplateOverrides, upsertTemplateOverride } from './templates.repository.ts';

/** Every mail in every language with the wording it is sent with now: the admin's, or the built-in. */
export async function listMailTemplates(deps: Deps, orgId: number): Promise<MailTemplateItem[]> {
  const overrides = new Map((await listTemplateOverrides(deps.db, orgId)).map((o) => [`${o.template}/${o.language}`, o]));
  return mailTemplates.flatMap((template) =>
    languages.map((language) => {
      const own = overrides.get(`${template}/${language}`);
      const text = own ?? builtInTemplate(template, language);
      return {
        template,
        language,
        subject: text.subject,
        body: text.body,
        customised: own !== undefined,
        updated_at: own?.updated_at.toISOString() ?? null,
        variables: [...templateVariables[template]],
      };
    }),
  );
}

export async function findItem(deps: Deps, orgId: number, template: MailTemplate, language: Language): Promise<MailTemplateItem> {
  const item = (await listMailTemplates(deps, orgId)).find((t) => t.template === template && t.language === language);
  if (!item) throw new Error(`no template ${template}/${language}`);
  return item;
}

function assertValidTemplate(template: MailTemplate, body: PutMailTemplateBody): void {
  const problems = checkTemplate(template, body);
  if (problems.length) {
    throw new AppError(
      'validation_error',
      problems[0].message,
      problems.map((p) => ({ field: `body.${p.field}`, message: p.message, rule: p.rule, ...(p.variable === undefined ? {} : { variable: p.variable }) })),
    );
  }
}

/** Stores the admin's wording once it parses and names only the template's variables (400 names the first problem). */
export async function saveMailTemplate(deps: Deps, orgId: number, template: MailTemplate, language: Language, body: PutMailTemplateBody): Promise<MailTemplateItem> {
  assertValidTemplate(template, body);
  await upsertTemplateOverride(deps.db, { org_id: orgId, template, language, subject: body.subject, body: body.body, updated_at: deps.clock.now() });
  return findItem(deps, orgId, template, language);
}

/** Back to the built-in wording (nothing to do if there was no own wording). */
export async function resetMailTemplate(deps: Deps, orgId: number, template: MailTemplate, language: Language): Promise<void> {
  await deleteTemplateOverride(deps.db, orgId, template, language);
}

/** The draft (or the current wording where the draft leaves a part out), checked, and the sample it is rendered with. */
async function draftOf(deps: Deps, admin: AgentActor, template: MailTemplate, language: Language, draft: Partial<PutMailTemplateBody>) {
  const current = await findItem(deps, admin.orgId, template, language);
  const wording = { subject: draft.subject ?? current.subject, body: draft.body ?? current.body };
  assertValidTemplate(template, wording);
  const workspace = await getWorkspace(deps, admin.orgId);
  const now = deps.clock.now();
  const values = sampleValues(template, language, {
    workspace: workspace.name,
    number: formatTicketNumber(workspace.ticket_number_prefix, workspace.ticket_number_padding, 42, now, workspace.time_zone),
    baseUrl: publicBaseUrl(deps.config, workspace),
    slug: workspace.slug,
    admin: admin.name,
  });
  return { wording, values };
}

/** A template rendered with a sample ticket, as the mail would look: subject, text and HTML. */
export async function previewMailTemplate(deps: Deps, admin: AgentActor, template: MailTemplate, language: Language, draft: Partial<PutMailTemplateBody>): Promise<MailPreview> {
  const { wording, values } = await draftOf(deps, admin, template, language, draft);
  const rendered = renderMail(wording, values, layoutWords(template, language));
  return { subject: rendered.subject, text: rendered.text, html: rendered.html };
}

/** Mails the sample to the admin themself, through the outbox like any mail, so the whole way out is tested. */
export async function sendTestMail(deps: Deps, admin: AgentActor, template: MailTemplate, language: Language, draft: Partial<PutMailTemplateBody>): Promise<MailTestSent> {
  const { wording, values } = await draftOf(deps, admin, template, language, draft);
  const me = await findAgent(deps.db, admin.orgId, admin.agentId);
  if (!me) throw new AppError('not_found', 'Your agent account was not found');
  const outboxId = await enqueueMail(deps.db, deps, {
    orgId: admin.orgId,
    template,
    language,
    to: { address: me.email, name: me.name },
    ticketId: null,
    values,
    wording: { subject: `[Test] ${wording.subject}`, body: wording.body },
  }, deps.clock.now());
  return { outbox_id: outboxId, to_address: me.email };
}
