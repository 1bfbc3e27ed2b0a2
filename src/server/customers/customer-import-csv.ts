import { parse } from 'csv/sync';
import type { z } from 'zod';
import { createCustomerUserBody } from '../../contract/customers.ts';
import { type CustomerImportError, type CustomerUserCsvColumn, customerImportLimits, customerUserCsvColumns } from '../../contract/customers-bulk.ts';
import { AppError } from '../platform/errors.ts';
import { unprotectCell } from '../platform/csv.ts';

/** One row of the sheet: its line as a spreadsheet numbers it (the header is line 1) and its cells by column. */
export interface SheetRow {
  line: number;
  cells: Partial<Record<CustomerUserCsvColumn, string>>;
}

/** A row that passed the rules of POST /customer-users; the customer is still a code to look up. */
export interface ImportCandidate {
  line: number;
  body: z.infer<typeof createCustomerUserBody>;
  customerCode: string | null;
}

const badCsv = (message: string, details?: unknown) => new AppError('validation_error', message, details);

/**
 * Reads the CSV into rows keyed by the header's column names. The file as a whole is refused
 * (400) when it cannot be read, has no header, or names a column we do not know; 413 past the row
 * limit. Row-level problems (a missing cell, a bad value) are left to validateRow.
 */
export function readCustomerUserCsv(text: string): { rows: SheetRow[]; widthErrors: CustomerImportError[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to: customerImportLimits.rowsMax + 2 });
  } catch (error) {
    // csv-parse's CsvError carries a code (CSV_QUOTE_NOT_CLOSED, …); `csv/sync` does not export the class.
    if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') throw badCsv(`The CSV cannot be read: ${error.message}`);
    throw error;
  }
  if (records.length > customerImportLimits.rowsMax + 1) {
    throw new AppError('too_large', `At most ${customerImportLimits.rowsMax} rows per import; split the file`);
  }
  const [header, ...body] = records;
  if (!header || header.every((h) => h.trim() === '')) throw badCsv(`The first line must name the columns: ${customerUserCsvColumns.join(', ')}`);
  const names = header.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !(customerUserCsvColumns as readonly string[]).includes(n));
  if (unknown.length) {
    throw badCsv(`Unknown columns: ${unknown.map((n) => JSON.stringify(n)).join(', ')}; the columns are ${customerUserCsvColumns.join(', ')}`, unknown.map((n) => ({ field: `body.${n}`, message: 'unknown column', rule: 'unknown_field' })));
  }
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw badCsv(`Columns named twice: ${[...new Set(twice)].join(', ')}`);
  if (!names.includes('name')) throw badCsv('The column "name" is required');
  const columns = names as CustomerUserCsvColumn[];

  const rows: SheetRow[] = [];
  const widthErrors: CustomerImportError[] = [];
  body.forEach((record, index) => {
    const line = index + 2;
    // An empty line (or a row of empty cells) is no customer user, as in a spreadsheet.
    if (record.every((cell) => cell.trim() === '')) return;
    if (record.length !== columns.length) {
      widthErrors.push({ line, reason: `${record.length} cells, but the header names ${columns.length} columns` });
      return;
    }
    rows.push({ line, cells: Object.fromEntries(columns.map((c, i) => [c, unprotectCell(record[i].trim()).trim()])) });
  });
  return { rows, widthErrors };
}

const flags: Record<string, boolean> = { true: true, false: false, yes: true, no: false, '1': true, '0': false };

/** Checks a row by the rules of POST /customer-users (one zod schema for both); errors name the column. */
export function validateRow(row: SheetRow): { candidate: ImportCandidate | null; errors: CustomerImportError[] } {
  const errors: CustomerImportError[] = [];
  const cell = (c: CustomerUserCsvColumn) => (row.cells[c] ? row.cells[c] : undefined);
  for (const column of customerUserCsvColumns) {
    // PostgreSQL text cannot hold NUL; it is never part of a real value.
    if (cell(column)?.includes('\u0000')) errors.push({ line: row.line, field: column, reason: 'contains a NUL character' });
  }
  const validCell = cell('valid')?.toLowerCase();
  const valid = validCell === undefined ? undefined : flags[validCell];
  if (validCell !== undefined && valid === undefined) errors.push({ line: row.line, field: 'valid', reason: 'must be true or false' });
  if (errors.length) return { candidate: null, errors };

  const parsed = createCustomerUserBody.safeParse({
    name: cell('name') ?? '',
    email: cell('email'),
    phone: cell('phone'),
    language: cell('language')?.toLowerCase(),
    loyalty_id: cell('loyalty_id'),
    valid,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = customerUserCsvColumns.find((c) => c === issue.path[0]);
      errors.push({ line: row.line, ...(field ? { field } : {}), reason: issue.message });
    }
    return { candidate: null, errors };
  }
  const code = cell('customer_id');
  if (code && code.length > 100) return { candidate: null, errors: [{ line: row.line, field: 'customer_id', reason: 'a customer id has at most 100 characters' }] };
  return { candidate: { line: row.line, body: parsed.data, customerCode: code ?? null }, errors: [] };
}
