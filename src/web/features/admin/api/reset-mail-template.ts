import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MailTemplateItem } from '../../../../contract/mail.ts';
import type { Language } from '../../../../contract/workspaces.ts';
import { api } from '../../../lib/api-client.ts';
import { mailTemplatesQueryKey } from './get-mail-templates.ts';
import { mailTemplatePath } from './save-mail-template.ts';

export const resetMailTemplate = (template: MailTemplateItem['template'], language: Language) =>
  api<undefined>(mailTemplatePath(template, language), { method: 'DELETE' });

/** Goes back to Caredesk's built-in wording of a mail (204). */
export function useResetMailTemplate(template: MailTemplateItem['template'], language: Language) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => resetMailTemplate(template, language),
    onSettled: () => client.invalidateQueries({ queryKey: mailTemplatesQueryKey }),
  });
}
