import { useMutation } from '@tanstack/react-query';
import type { MailPreview, PutMailTemplateBody } from '../../../../contract/mail.ts';
import type { Language } from '../../../../contract/workspaces.ts';
import { api } from '../../../lib/api-client.ts';
import type { MailTemplateName } from '../template-names.ts';
import { mailTemplatePath } from './save-mail-template.ts';

export const previewMailTemplate = (template: MailTemplateName, language: Language, draft: PutMailTemplateBody) =>
  api<MailPreview>(`${mailTemplatePath(template, language)}/preview`, { method: 'POST', body: draft });

/** A draft rendered with a sample ticket, as the mail would look (nothing is saved); a 400 names an unknown variable like a save. */
export const usePreviewMailTemplate = (template: MailTemplateName, language: Language) =>
  useMutation({ mutationFn: (draft: PutMailTemplateBody) => previewMailTemplate(template, language, draft) });
