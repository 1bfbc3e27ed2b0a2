import type { z } from 'zod';
import type { Customer, CustomerUser, createCustomerBody, createCustomerUserBody, patchCustomerBody, patchCustomerUserBody } from '../../contract/customers.ts';
import type { inlineCustomer } from '../../contract/tickets.ts';
import { isUniqueViolation } from '../platform/db/pg-errors.ts';
import type { Deps } from '../platform/deps.ts';
import { iso } from '../platform/dto.ts';
import { decodeCursor, pageById } from '../platform/http/cursor.ts';
import { AppError, notFound } from '../platform/errors.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import {
  findCustomer,
  findCustomerUser,
  findCustomerUserByContact,
  findCustomerUserByEmail,
  findCustomerUserByLoyaltyId,
  insertCustomer,
  insertCustomerUser,
  insertCustomerUserIfNew,
  searchCustomerUsers,
  searchCustomers,
  updateCustomer,
  updateCustomerUser,
} from './customers.repository.ts';
import { forgetCustomerUserSessions, revokeCustomerUserSessions } from '../portal/portal-sessions.ts';
import { normalizePhone } from './phone.ts';
import { parseSearchTerm } from './folded-search.ts';
import { workspaceCountry } from '../workspaces/workspaces.service.ts';

type UserRow = NonNullable<Awaited<ReturnType<typeof findCustomerUser>>>;
type CustomerRow = NonNullable<Awaited<ReturnType<typeof findCustomer>>>;

export const toCustomerUser = (u: UserRow): CustomerUser => ({
  id: u.id,
  customer_id: u.customer_id,
  name: u.name,
  email: u.email,
  phone: u.phone,
  phone_e164: u.phone_normalized,
  language: u.language,
  loyalty_id: u.loyalty_id,
  valid: u.is_valid,
  bounced_at: u.bounced_at ? iso(u.bounced_at) : null,
  bounce_reason: u.bounce_reason,
  created_at: iso(u.created_at),
  updated_at: iso(u.updated_at),
});
const toCustomer = (c: CustomerRow): Customer => ({
  id: c.id,
  customer_code: c.customer_code,
  name: c.name,
  address: c.address,
  notes: c.notes,
  attributes: c.attributes,
  created_at: iso(c.created_at),
  updated_at: iso(c.updated_at),
});

/** A duplicate names who holds the address (or loyalty id) already, so the agent can open them instead. */
async function duplicateOf(db: Db, orgId: number, input: { email?: string | null; loyalty_id?: string | null }, exceptId?: number): Promise<AppError> {
  const byEmail = input.email ? await findCustomerUserByEmail(db, orgId, input.email) : undefined;
  if (byEmail && byEmail.id !== exceptId) {
    return new AppError('conflict', `${byEmail.name} (customer user ${byEmail.id}) has the email ${byEmail.email} already`, [
      { field: 'body.email', message: `used by ${byEmail.name}`, customer_user_id: byEmail.id },
    ]);
  }
  return new AppError('conflict', `Another customer user has the loyalty id ${input.loyalty_id} already`, [{ field: 'body.loyalty_id', message: 'used by another customer user' }]);
}

async function assertCustomerExists(db: Db, orgId: number, id: number | null | undefined): Promise<void> {
  if (id != null && !(await findCustomer(db, orgId, id))) throw notFound('Customer');
}

/** Finds the customer user by email, then phone, within the workspace; creates one when none matches. */
export async function matchOrCreateCustomerUser(db: Db, orgId: number, input: z.infer<typeof inlineCustomer>, now: Date, country: string | null) {
  const phone = input.phone ? normalizePhone(input.phone, country) : undefined;
  const loyaltyId = input.loyalty_id;
  // Held until the caller's ticket is in, so a merge running now cannot delete them under it.
  const find = async () => (loyaltyId ? await findCustomerUserByLoyaltyId(db, orgId, loyaltyId, true) : undefined) ?? (await findCustomerUserByContact(db, orgId, input.email, phone, true));
  const existing = await find();
  if (existing) {
    // The loyalty programme's id links a customer user found by their contact to their purchases.
    if (loyaltyId && existing.loyalty_id === null) return (await updateCustomerUser(db, orgId, existing.id, { loyalty_id: loyaltyId }, now)) ?? existing;
    return existing;
  }
  const created = await insertCustomerUserIfNew(db, orgId, {
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    phone_normalized: phone ?? null,
    loyalty_id: loyaltyId ?? null,
    created_at: now,
    updated_at: now,
  });
  if (created) return created;
  // Another transaction made them meanwhile (two mails of a new sender read at once): that insert
  // waited for it to commit; the one it made is theirs.
  const theirs = await find();
  if (!theirs) throw new Error('matchOrCreateCustomerUser: a customer user with this contact exists but cannot be found');
  return theirs;
}

export async function getCustomerUser(deps: Deps, orgId: number, id: number): Promise<CustomerUser> {
  const u = await findCustomerUser(deps.db, orgId, id);
  if (!u) throw notFound('Customer user');
  return toCustomerUser(u);
}

export async function createCustomerUser(deps: Deps, orgId: number, input: z.infer<typeof createCustomerUserBody>): Promise<CustomerUser> {
  await assertCustomerExists(deps.db, orgId, input.customer_id);
  const country = await workspaceCountry(deps, orgId);
  try {
    const row = await insertCustomerUser(deps.db, orgId, {
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      phone_normalized: input.phone ? normalizePhone(input.phone, country) : null,
      language: input.language,
      customer_id: input.customer_id ?? null,
      loyalty_id: input.loyalty_id ?? null,
      is_valid: input.valid,
      created_at: deps.clock.now(),
      updated_at: deps.clock.now(),
    });
    return toCustomerUser(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw await duplicateOf(deps.db, orgId, input);
    throw error;
  }
}

export async function changeCustomerUser(deps: Deps, orgId: number, id: number, input: z.infer<typeof patchCustomerUserBody>): Promise<CustomerUser> {
  await assertCustomerExists(deps.db, orgId, input.customer_id);
  const country = input.phone ? await workspaceCountry(deps, orgId) : null;
  const phone = input.phone === undefined ? {} : { phone: input.phone, phone_normalized: input.phone ? normalizePhone(input.phone, country) : null };
  const { valid, ...fields } = input;
  if (input.email === null || input.phone === null) {
    const current = await findCustomerUser(deps.db, orgId, id);
    if (!current) throw notFound('Customer user');
    const email = input.email === undefined ? current.email : input.email;
    const phoneAfter = input.phone === undefined ? current.phone : input.phone;
    if (!email && !phoneAfter) {
      throw new AppError('validation_error', 'A customer user needs an email or a phone number', [{ field: 'body.email', message: 'an email or a phone number is required' }]);
    }
  }
  try {
    const now = deps.clock.now();
    const row = await deps.db.transaction().execute(async (trx) => {
      const before = input.email !== undefined ? await findCustomerUser(trx, orgId, id) : undefined;
      // A bounce was of the old address: a new one has not bounced (yet).
      const isNewEmail = before !== undefined && (before.email ?? '').toLowerCase() !== (input.email ?? '').toLowerCase();
      const bounce = isNewEmail ? { bounced_at: null, bounce_reason: null } : {};
      const after = await updateCustomerUser(trx, orgId, id, { ...fields, ...phone, ...bounce, ...(valid === undefined ? {} : { is_valid: valid }) }, now);
      // Whoever signed in through the old address must not keep the portal.
      if (after && before && (before.email ?? '').toLowerCase() !== (after.email ?? '').toLowerCase()) await revokeCustomerUserSessions(trx, orgId, id, now);
      return after;
    });
    forgetCustomerUserSessions(deps.db, orgId, id);
    if (!row) throw notFound('Customer user');
    return toCustomerUser(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw await duplicateOf(deps.db, orgId, input, id);
    throw error;
  }
}

export async function findCustomerUsers(deps: Deps, orgId: number, query: { search?: string; limit: number; cursor?: string }) {
  const afterId = query.cursor ? decodeCursor(query.cursor)[1] : null;
  const term = await parseSearchTerm(deps, orgId, query.search);
  return pageById(await searchCustomerUsers(deps.db, orgId, term, query.limit, afterId), query.limit, toCustomerUser);
}

export async function findCustomers(deps: Deps, orgId: number, query: { search?: string; limit: number; cursor?: string }) {
  const afterId = query.cursor ? decodeCursor(query.cursor)[1] : null;
  return pageById(await searchCustomers(deps.db, orgId, await parseSearchTerm(deps, orgId, query.search), query.limit, afterId), query.limit, toCustomer);
}

export async function createCustomer(deps: Deps, orgId: number, input: z.infer<typeof createCustomerBody>): Promise<Customer> {
  try {
    const now = deps.clock.now();
    return toCustomer(
      await insertCustomer(deps.db, orgId, {
        name: input.name,
        customer_code: input.customer_code ?? null,
        address: input.address ?? null,
        notes: input.notes ?? null,
        attributes: JSON.stringify(input.attributes ?? {}),
        created_at: now,
        updated_at: now,
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw customerCodeTaken(input.customer_code);
    throw error;
  }
}

const customerCodeTaken = (code: string | null | undefined) =>
  new AppError('conflict', `A customer with the id ${code} exists already`, [{ field: 'body.customer_code', message: 'used by another customer' }]);

export async function getCustomer(deps: Deps, orgId: number, id: number): Promise<Customer> {
  const c = await findCustomer(deps.db, orgId, id);
  if (!c) throw notFound('Customer');
  return toCustomer(c);
}

/** Changes a customer; attributes are replaced as a whole (send all that should stay). */
export async function changeCustomer(deps: Deps, orgId: number, id: number, input: z.infer<typeof patchCustomerBody>): Promise<Customer> {
  const { attributes, ...fields } = input;
  try {
    const row = await updateCustomer(deps.db, orgId, id, { ...fields, ...(attributes === undefined ? {} : { attributes: JSON.stringify(attributes) }) }, deps.clock.now());
    if (!row) throw notFound('Customer');
    return toCustomer(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw customerCodeTaken(input.customer_code);
    throw error;
  }
}
