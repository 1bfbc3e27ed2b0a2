import { stringify } from 'csv/sync';
import { customerUserCsvColumns } from '../../contract/customers-bulk.ts';
import type { Deps } from '../platform/deps.ts';
import { protectCell } from './customer-export-cells.ts';
import { listCustomerUsersForExport } from './customer-export.repository.ts';

/** Rows per query: memory stays the same whatever the workspace's size. */
export const EXPORT_PAGE_SIZE = 1_000;

const csvLines = (rows: string[][]) => stringify(rows, { record_delimiter: '\r\n' });

/**
 * The workspace's customer users as CSV, a page at a time (keyset by id, each page its own
 * query, so no transaction is held open while a slow client reads). A UTF-8 BOM first, so
 * spreadsheets read the accents; the columns are the import's, so an export imports again.
 */
export async function* exportCustomerUsers(deps: Deps, orgId: number, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<string> {
  yield `\uFEFF${csvLines([[...customerUserCsvColumns]])}`;
  let afterId = 0;
  for (;;) {
    const page = await listCustomerUsersForExport(deps.db, orgId, afterId, pageSize);
    if (page.length === 0) return;
    yield csvLines(
      page.map((u) => [u.name, u.email ?? '', u.phone ?? '', u.language, u.loyalty_id ?? '', u.customer_code ?? '', u.is_valid ? 'true' : 'false'].map(protectCell)),
    );
    if (page.length < pageSize) return;
    afterId = page[page.length - 1].id;
  }
}
