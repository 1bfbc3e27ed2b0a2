import type { CustomerImportError, CustomerImportResult } from '../../contract/customers-bulk.ts';
import { isUniqueViolation } from '../platform/db/pg-errors.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { type ImportCandidate, readCustomerUserCsv, validateRow } from './customer-import-csv.ts';
import { findCustomersByCodes, findEmailHolders, findLoyaltyHolders, insertCustomerUsers } from './customer-import.repository.ts';
import { workspaceCountry } from '../workspaces/workspaces.service.ts';
import { normalizePhone } from './phone.ts';

export interface ImportOptions {
  dry_run: boolean;
  skip_bad_rows: boolean;
}

/** A later row repeating an earlier row's email or loyalty id is refused; the first one stands. */
function findRepeats(candidates: ImportCandidate[]): CustomerImportError[] {
  const errors: CustomerImportError[] = [];
  const seen = { email: new Map<string, number>(), loyalty_id: new Map<string, number>() };
  for (const c of candidates) {
    for (const field of ['email', 'loyalty_id'] as const) {
      const key = c.body[field]?.toLowerCase();
      if (!key) continue;
      const first = seen[field].get(key);
      if (first === undefined) seen[field].set(key, c.line);
      else errors.push({ line: c.line, field, reason: `line ${first} has the ${field === 'email' ? 'email' : 'loyalty id'} ${c.body[field]} already` });
    }
  }
  return errors;
}

/** What the database says about the rows: unknown customer codes, emails and loyalty ids taken. */
async function checkAgainstDatabase(db: Db, orgId: number, candidates: ImportCandidate[]): Promise<{ errors: CustomerImportError[]; customerIds: Map<string, number> }> {
  const keys = (pick: (c: ImportCandidate) => string | null | undefined) => [...new Set(candidates.map(pick).filter((k): k is string => !!k).map((k) => k.toLowerCase()))];
  const customerIds = await findCustomersByCodes(db, orgId, keys((c) => c.customerCode));
  const emails = await findEmailHolders(db, orgId, keys((c) => c.body.email));
  const loyalty = await findLoyaltyHolders(db, orgId, keys((c) => c.body.loyalty_id));
  const errors: CustomerImportError[] = [];
  for (const c of candidates) {
    if (c.customerCode && !customerIds.has(c.customerCode.toLowerCase())) errors.push({ line: c.line, field: 'customer_id', reason: `no customer has the id ${c.customerCode}` });
    const holder = c.body.email ? emails.get(c.body.email.toLowerCase()) : undefined;
    if (holder) errors.push({ line: c.line, field: 'email', reason: `${holder.name} (customer user ${holder.id}) has the email ${c.body.email} already` });
    const loyal = c.body.loyalty_id ? loyalty.get(c.body.loyalty_id.toLowerCase()) : undefined;
    if (loyal) errors.push({ line: c.line, field: 'loyalty_id', reason: `${loyal.name} (customer user ${loyal.id}) has the loyalty id ${c.body.loyalty_id} already` });
  }
  return { errors, customerIds };
}

/**
 * Imports customer users from CSV text, each row checked like POST /customer-users and against the
 * database and the file's other rows. In one transaction: with a bad row and without
 * skip_bad_rows nothing is written (422, in a dry run as well); a dry run never writes.
 */
export async function importCustomerUsers(deps: Deps, orgId: number, csv: string, options: ImportOptions): Promise<CustomerImportResult> {
  const sheet = readCustomerUserCsv(csv);
  const errors: CustomerImportError[] = [...sheet.widthErrors];
  const valid: ImportCandidate[] = [];
  for (const row of sheet.rows) {
    const checked = validateRow(row);
    errors.push(...checked.errors);
    if (checked.candidate) valid.push(checked.candidate);
  }
  const country = await workspaceCountry(deps, orgId);
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const found = await checkAgainstDatabase(trx, orgId, valid);
      errors.push(...findRepeats(valid), ...found.errors);
      errors.sort((a, b) => a.line - b.line);
      const badLines = new Set(errors.map((e) => e.line));
      const good = valid.filter((c) => !badLines.has(c.line));
      if (badLines.size && !options.skip_bad_rows) {
        throw new AppError('unprocessable', `${badLines.size} ${badLines.size === 1 ? 'row has' : 'rows have'} errors; nothing ${options.dry_run ? 'would be' : 'was'} imported`, errors);
      }
      if (!options.dry_run) {
        await insertCustomerUsers(
          trx,
          orgId,
          good.map(({ body, customerCode }) => ({
            name: body.name,
            email: body.email ?? null,
            phone: body.phone ?? null,
            phone_normalized: body.phone ? normalizePhone(body.phone, country) : null,
            language: body.language,
            customer_id: customerCode ? (found.customerIds.get(customerCode.toLowerCase()) ?? null) : null,
            loyalty_id: body.loyalty_id ?? null,
            is_valid: body.valid,
          })),
          now,
        );
      }
      return { dry_run: options.dry_run, imported: good.length, skipped: badLines.size, errors };
    });
  } catch (error) {
    // Another request took an email or loyalty id between our check and the insert.
    if (isUniqueViolation(error)) throw new AppError('conflict', 'A customer user with one of these emails or loyalty ids was added meanwhile; nothing was imported, try again');
    throw error;
  }
}
