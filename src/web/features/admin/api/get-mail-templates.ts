import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MailTemplateItem } from '../../../../contract/mail.ts';
import { api } from '../../../lib/api-client.ts';

export const mailTemplatesQueryKey = ['mail-templates'] as const;

export interface MailTemplateList {
  items: MailTemplateItem[];
  next_cursor: null;
}

/** Every mail in every language with its current wording and the variables it may use. */
export const getMailTemplates = (signal?: AbortSignal): Promise<MailTemplateList> => api<MailTemplateList>('/mail-templates', { signal });

export const mailTemplatesQueryOptions = queryOptions({ queryKey: mailTemplatesQueryKey, queryFn: ({ signal }) => getMailTemplates(signal) });

export const useMailTemplates = () => useQuery(mailTemplatesQueryOptions);
