import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PortalRequestBody } from '../../../contract/portal.ts';
import { api } from '../../lib/api-client.ts';
import { portalApi, portalKeys } from './keys.ts';

export interface RequestResult {
  number: string;
  folded: boolean;
}

/** JSON without files; with files, the same fields in a multipart form. */
function submitRequest(ws: string, body: PortalRequestBody, files: File[]): Promise<RequestResult> {
  const path = portalApi(ws, '/requests');
  if (files.length === 0) return api<RequestResult>(path, { method: 'POST', body });
  const form = new FormData();
  // The field values travel as one JSON string, as the server reads them from a multipart form.
  for (const [key, value] of Object.entries(body)) if (value !== undefined) form.append(key, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
  for (const file of files) form.append('files', file, file.name);
  return api<RequestResult>(path, { method: 'POST', form });
}

/** The public request form: a new ticket (or a note on one sent minutes ago from the same address). */
export function useSubmitRequest(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, files }: { body: PortalRequestBody; files: File[] }) => submitRequest(ws, body, files),
    onSuccess: () => client.invalidateQueries({ queryKey: portalKeys.tickets(ws) }),
  });
}
