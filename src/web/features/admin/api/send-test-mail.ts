import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MailTestSent, PutMailTemplateBody } from '../../../../contract/mail.ts';
import type { Language } from '../../../../contract/workspaces.ts';
import { api } from '../../../lib/api-client.ts';
import type { MailTemplateName } from '../template-names.ts';
import { outboxQueryKey } from './get-outbox.ts';
import { mailTemplatePath } from './save-mail-template.ts';

export const sendTestMail = (template: MailTemplateName, language: Language, draft: PutMailTemplateBody) =>
  api<MailTestSent>(`${mailTemplatePath(template, language)}/test`, { method: 'POST', body: draft });

/** Mails the draft, rendered with a sample ticket, to the admin through the outbox (202); its subject starts with [Test]. */
export function useSendTestMail(template: MailTemplateName, language: Language) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: PutMailTemplateBody) => sendTestMail(template, language, draft),
    onSuccess: () => client.invalidateQueries({ queryKey: outboxQueryKey }),
  });
}
