import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PortalMe } from '../../../contract/portal.ts';
import type { Language } from '../../i18n/languages.ts';
import { api } from '../../lib/api-client.ts';
import { portalApi, portalKeys } from './keys.ts';

/** Saves the customer's language, which their mails are written in too. */
export function useChangeLanguage(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (language: Language) => api<PortalMe>(portalApi(ws, '/me'), { method: 'PATCH', body: { language } }),
    onSuccess: (me) => client.setQueryData(portalKeys.me(ws), me),
  });
}
