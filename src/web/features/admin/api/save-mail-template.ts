import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { MailTemplateItem, PutMailTemplateBody } from '../../../../contract/mail.ts';
import type { Language } from '../../../../contract/workspaces.ts';
import { api } from '../../../lib/api-client.ts';
import { type MailTemplateList, mailTemplatesQueryKey } from './get-mail-templates.ts';

type TemplateName = MailTemplateItem['template'];

export const mailTemplatePath = (template: TemplateName, language: Language) => `/mail-templates/${template}/${language}`;

/** The list with one template's new state, so the editor shows it before the list is read again. */
function replaceItem(client: QueryClient, item: MailTemplateItem) {
  client.setQueryData<MailTemplateList>(mailTemplatesQueryKey, (list) =>
    list && { ...list, items: list.items.map((i) => (i.template === item.template && i.language === item.language ? item : i)) },
  );
}

export const saveMailTemplate = (template: TemplateName, language: Language, body: PutMailTemplateBody) =>
  api<MailTemplateItem>(mailTemplatePath(template, language), { method: 'PUT', body });

/** Stores the workspace's own wording of a mail; a 400 names the field and the variable it does not know. */
export function useSaveMailTemplate(template: TemplateName, language: Language) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PutMailTemplateBody) => saveMailTemplate(template, language, body),
    onSuccess: (item) => replaceItem(client, item),
    onSettled: () => client.invalidateQueries({ queryKey: mailTemplatesQueryKey }),
  });
}

