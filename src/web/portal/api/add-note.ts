import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PortalNote } from '../../../contract/portal.ts';
import { api } from '../../lib/api-client.ts';
import { portalKeys, ticketApi } from './keys.ts';

/** JSON without files; with files, a multipart form the server checks file by file. */
function addNote(ws: string, number: string, body: string, files: File[]): Promise<PortalNote> {
  const path = ticketApi(ws, number, '/notes');
  if (files.length === 0) return api<PortalNote>(path, { method: 'POST', body: { body } });
  const form = new FormData();
  form.append('body', body);
  for (const file of files) form.append('files', file, file.name);
  return api<PortalNote>(path, { method: 'POST', form });
}

/** A note from the customer to the team, with files if any were chosen. */
export function useAddNote(ws: string, number: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, files }: { body: string; files: File[] }) => addNote(ws, number, body, files),
    // A note can move the ticket too (a ticket on hold for the customer resumes): all of it is read again.
    onSuccess: () => client.invalidateQueries({ queryKey: portalKeys.tickets(ws) }),
  });
}
