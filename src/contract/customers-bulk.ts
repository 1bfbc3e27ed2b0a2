import { z } from 'zod';
import { idSchema } from './common.ts';

/** The columns of the customer-user CSV, in the order the export writes them; the import takes any order. */
export const customerUserCsvColumns = ['name', 'email', 'phone', 'language', 'loyalty_id', 'customer_id', 'valid'] as const;
export type CustomerUserCsvColumn = (typeof customerUserCsvColumns)[number];

/** Limits of one import, shared by the server and the web app. */
export const customerImportLimits = {
  bytesMax: 5 * 1024 * 1024,
  rowsMax: 50_000,
} as const;

const flag = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');

export const customerImportQuery = z.strictObject({
  dry_run: flag.describe('true: check every row and report, write nothing'),
  skip_bad_rows: flag.describe('true: import the good rows and report the bad ones; false: any bad row imports nothing (422)'),
});

export const customerImportBody = z
  .string()
  .describe(
    `UTF-8 CSV (a BOM is allowed), comma-separated, a header row first. Columns, in any order: ${customerUserCsvColumns.join(', ')}. ` +
      "customer_id is the customer's code (customer_code); valid is true or false (empty: true). A cell the export protected " +
      "against formulas ('=…, '+…, '-…, '@…) is read without its leading quote.",
  );

export const customerImportError = z.object({
  line: z.number().describe('The line as a spreadsheet numbers it: the header is line 1'),
  field: z.enum(customerUserCsvColumns).optional(),
  reason: z.string(),
});
export type CustomerImportError = z.infer<typeof customerImportError>;

export const customerImportResult = z
  .object({
    dry_run: z.boolean(),
    imported: z.number().describe('Rows imported (in a dry run: rows that would be)'),
    skipped: z.number().describe('Bad rows left out'),
    errors: z.array(customerImportError),
  })
  .meta({ id: 'CustomerUserImportResult' });
export type CustomerImportResult = z.infer<typeof customerImportResult>;

export const mergeCustomerUserBody = z.strictObject({
  into: idSchema.describe('The customer user who stays; the one in the path is merged into them and deleted'),
});
