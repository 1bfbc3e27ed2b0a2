import { customerUserCsvColumns } from '../../contract/customers-bulk.ts';
import type { Deps } from '../platform/deps.ts';
import { csvDocument } from '../platform/csv.ts';
import { listCustomerUsersForExport } from './customer-export.repository.ts';

/** Rows per query: memory stays the same whatever the workspace's size. */
export const EXPORT_PAGE_SIZE = 1_000;

/**
 * The workspace's customer users as CSV, a page at a time (keyset by id, each page its own
 * query, so no transaction is held open while a slow client reads). The columns are the
 * import's, so an export imports again.
 */
export const exportCustomerUsers = (deps: Deps, orgId: number, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<string> =>
  csvDocument(customerUserCsvColumns, customerUserPages(deps, orgId, pageSize));

async function* customerUserPages(deps: Deps, orgId: number, pageSize: number): AsyncGenerator<string[][]> {
  let afterId = 0;
  for (;;) {
    const page = await listCustomerUsersForExport(deps.db, orgId, afterId, pageSize);
    if (page.length === 0) return;
    yield page.map((u) => [u.name, u.email ?? '', u.phone ?? '', u.language, u.loyalty_id ?? '', u.customer_code ?? '', u.is_valid ? 'true' : 'false']);
    if (page.length < pageSize) return;
    afterId = page[page.length - 1].id;
  }
}
