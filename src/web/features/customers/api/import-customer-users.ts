import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { type CustomerImportError, customerImportError, type CustomerImportResult } from '../../../../contract/customers-bulk.ts';
import { api, ApiError } from '../../../lib/api-client.ts';

export interface ImportCustomerUsers {
  file: File;
  isDryRun: boolean;
  skipBadRows: boolean;
}

/** Sends CSV text to the import; a dry run checks every row and writes nothing. */
export const importCustomerUsers = (csv: string, isDryRun: boolean, skipBadRows: boolean): Promise<CustomerImportResult> =>
  api<CustomerImportResult>('/customer-users/import', {
    method: 'POST',
    query: { dry_run: isDryRun, skip_bad_rows: skipBadRows },
    text: { body: csv, type: 'text/csv; charset=utf-8' },
  });

const badRows = z.array(customerImportError);

/** The bad rows of a 422 (a bad row without skip_bad_rows: nothing was imported), or null for any other failure. */
export function refusedRows(error: unknown): CustomerImportError[] | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const rows = badRows.safeParse(error.details);
  return rows.success ? rows.data : null;
}

/** Reads the chosen file in the browser and imports it; after a real import the customer lists and dashboards refresh. */
export function useImportCustomerUsers() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, isDryRun, skipBadRows }: ImportCustomerUsers) => importCustomerUsers(await file.text(), isDryRun, skipBadRows),
    onSuccess: async (result) => {
      if (result.dry_run || result.imported === 0) return;
      await Promise.all([client.invalidateQueries({ queryKey: ['cic'] }), client.invalidateQueries({ queryKey: ['customer-users'] })]);
    },
  });
}
