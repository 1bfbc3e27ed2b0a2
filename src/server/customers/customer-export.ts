import { customerUserCsvColumns } from '../../contract/customers-bulk.ts';
import type { Deps } from '../platform/deps.ts';
import { csvDocument } from '../platform/csv.ts';
import { keysetPages } from '../platform/keyset-pages.ts';
import { listCustomerUsersForExport } from './customer-export.repository.ts';

/** Rows per query: memory stays the same whatever the workspace's size. */
export const EXPORT_PAGE_SIZE = 1_000;

/**
 * The workspace's customer users as CSV, a page at a time (keyset by id). The columns are the
 * import's, so an export imports again.
 */
export const exportCustomerUsers = (deps: Deps, orgId: number, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<string> =>
  csvDocument(
    customerUserCsvColumns,
    keysetPages((afterId: number | null) => listCustomerUsersForExport(deps.db, orgId, afterId ?? 0, pageSize), pageSize, (last) => last.id),
    (u) => [u.name, u.email ?? '', u.phone ?? '', u.language, u.loyalty_id ?? '', u.customer_code ?? '', u.is_valid ? 'true' : 'false'],
  );
