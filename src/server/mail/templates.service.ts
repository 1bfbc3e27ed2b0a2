import type { MailTemplateItem, PutMailTemplateBody } from '../../contract/mail.ts';
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

async function findItem(deps: Deps, orgId: number, template: MailTemplate, language: Language): Promise<MailTemplateItem> {
  const item = (await listMailTemplates(deps, orgId)).find((t) => t.template === template && t.language === language);
  if (!item) throw new Error(`no template ${template}/${language}`);
  return item;
}

/** Stores the admin's wording once it parses and names only the template's variables (400 names the first problem). */
export async function saveMailTemplate(deps: Deps, orgId: number, template: MailTemplate, language: Language, body: PutMailTemplateBody): Promise<MailTemplateItem> {
  const problems = checkTemplate(template, body);
  if (problems.length) {
    throw new AppError(
      'validation_error',
      problems[0].message,
      problems.map((p) => ({ field: `body.${p.field}`, message: p.message, rule: p.rule, ...(p.variable === undefined ? {} : { variable: p.variable }) })),
    );
  }
  await upsertTemplateOverride(deps.db, { org_id: orgId, template, language, subject: body.subject, body: body.body, updated_at: deps.clock.now() });
  return findItem(deps, orgId, template, language);
}

/** Back to the built-in wording (nothing to do if there was no own wording). */
export async function resetMailTemplate(deps: Deps, orgId: number, template: MailTemplate, language: Language): Promise<void> {
  await deleteTemplateOverride(deps.db, orgId, template, language);
}
