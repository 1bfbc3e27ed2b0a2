import type { CreateTicketBody } from '../../contract/tickets.ts';
import { checkTicketFields } from '../ticket-fields/ticket-fields.service.ts';
import { sql } from 'kysely';
import type { PortalRequestBody } from '../../contract/portal.ts';
import { findCustomerUserByContact } from '../customers/customers.repository.ts';
import { matchOrCreateCustomerUser } from '../customers/customers.service.ts';
import { isUniqueViolation } from '../platform/db/pg-errors.ts';
import { normalizePhone } from '../customers/phone.ts';
import type { TicketActor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { hitRateLimit } from '../platform/http/rate-limit.ts';
import type { StagedFile } from '../tickets/attachment-files.ts';
import { addMessage } from '../tickets/messages.service.ts';
import { createTicket } from '../tickets/tickets.service.ts';
import type { PortalWorkspace } from './portal-links.ts';
import type { PortalCustomer } from './portal-sessions.ts';

const IP_LIMIT = { max: 10, windowSeconds: 15 * 60 };
const ADDRESS_LIMIT = { max: 5, windowSeconds: 15 * 60 };
/** A request from an address that has an open web request this recent is added to that one, not a new ticket. */
export const FOLD_WITHIN_MINUTES = 10;

const subjectOf = (description: string) => {
  const line = description.split(/\r?\n/).find((l) => l.trim())?.trim() ?? description.trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
};

const customer = (workspace: PortalWorkspace, user: { id: number; name: string }): TicketActor => ({ kind: 'customer', orgId: workspace.org_id, customerUserId: user.id, name: user.name });

/** The sender as a customer user, made now so the ticket and its history name them from the start. */
async function newCustomerUser(deps: Deps, orgId: number, input: { name: string; email?: string; phone?: string }, now: Date, country: string | null) {
  try {
    return await matchOrCreateCustomerUser(deps.db, orgId, input, now, country);
  } catch (error) {
    // The same address sent twice at once: the other request made the customer user.
    if (!isUniqueViolation(error)) throw error;
    return matchOrCreateCustomerUser(deps.db, orgId, input, now, country);
  }
}

/** The CAPTCHA hook: a siteverify call (Turnstile, hCaptcha and reCAPTCHA answer alike) when one is configured. */
async function checkCaptcha(deps: Deps, token: string | undefined, ip: string): Promise<void> {
  const { CAPTCHA_VERIFY_URL: url, CAPTCHA_SECRET: secret } = deps.config;
  if (!url || !secret) return;
  const refuse = () => new AppError('validation_error', 'The CAPTCHA was not solved', [{ field: 'body.captcha_token', message: 'solve the CAPTCHA' }]);
  if (!token) throw refuse();
  const answer = await fetch(url, { method: 'POST', body: new URLSearchParams({ secret, response: token, remoteip: ip }), signal: AbortSignal.timeout(5_000) }).catch(() => null);
  const verdict = answer?.ok ? ((await answer.json().catch(() => null)) as { success?: unknown } | null) : null;
  if (verdict?.success !== true) throw refuse();
}

/**
 * The public request form (and the signed-in customer's): a new web ticket with its files, or,
 * when the same address sent one minutes ago that is still open, a note on that one — so a
 * flood from one address never floods the agents.
 */
export async function submitRequest(
  deps: Deps,
  workspace: PortalWorkspace,
  signedIn: PortalCustomer | null,
  input: PortalRequestBody,
  ip: string,
  files: StagedFile[],
): Promise<{ number: string; folded: boolean }> {
  const now = deps.clock.now();
  const email = signedIn?.email ?? input.email;
  const name = signedIn?.name ?? input.name;
  if (!signedIn && (!email || !name)) {
    throw new AppError('validation_error', 'Your name and email are needed to answer you', [
      ...(!name ? [{ field: 'body.name', message: 'must not be empty', rule: 'too_small', origin: 'string', minimum: 1 }] : []),
      ...(!email ? [{ field: 'body.email', message: 'must not be empty', rule: 'too_small', origin: 'string', minimum: 1 }] : []),
    ]);
  }
  await hitRateLimit(deps.db, { key: `portal-request:ip:${ip}`, ...IP_LIMIT }, now);
  await hitRateLimit(deps.db, { key: `portal-request:address:${workspace.org_id}:${(email ?? '').toLowerCase()}`, ...ADDRESS_LIMIT }, now);
  await checkCaptcha(deps, input.captcha_token, ip);
  if (workspace.channels_off.includes('web')) throw new AppError('conflict', 'This workspace takes no requests through the portal at the moment');
  // Checked before anything is written: a refused request leaves no customer user behind.
  await checkTicketFields(deps, deps.db, workspace.org_id, input.custom_fields, { form: 'portal', current: null });

  const phone = input.phone ? normalizePhone(input.phone, workspace.default_country) : undefined;
  const known = signedIn ? { id: signedIn.customerUserId, name: signedIn.name } : await findCustomerUserByContact(deps.db, workspace.org_id, email, phone);
  if (known) {
    const recent = await deps.db
      .selectFrom('tickets')
      .select('number')
      .where('org_id', '=', workspace.org_id)
      .where('customer_user_id', '=', known.id)
      .where('channel', '=', 'web')
      .where('status', 'in', ['new', 'open', 'pending'])
      .where('created_at', '>', sql<Date>`${now}::timestamptz - make_interval(mins => ${FOLD_WITHIN_MINUTES})`)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (recent) {
      await addMessage(deps, customer(workspace, known), recent.number, { body: input.description, visibility: 'public' }, undefined, files);
      return { number: recent.number, folded: true };
    }
  }
  const user = known ?? (await newCustomerUser(deps, workspace.org_id, { name: name as string, email, phone: input.phone }, now, workspace.default_country));
  const actor = customer(workspace, user);
  const { ticket } = await createTicket(deps, actor, {
    subject: input.subject ?? subjectOf(input.description),
    description: input.description,
    priority: 'medium',
    channel: 'web',
    source: 'website',
    ...(input.category !== undefined ? { category: input.category } : {}),
    ...(input.order_number !== undefined ? { order_number: input.order_number } : {}),
    ...(input.custom_fields !== undefined ? { custom_fields: input.custom_fields as CreateTicketBody['custom_fields'] } : {}),
    customer_user_id: user.id,
  });
  // The files go with the customer's first note; should storing them fail, a retry folds into this ticket.
  if (files.length) {
    await addMessage(deps, actor, ticket.number, { body: `${files.length === 1 ? 'File' : 'Files'} sent with the request`, visibility: 'public' }, undefined, files);
  }
  return { number: ticket.number, folded: false };
}
