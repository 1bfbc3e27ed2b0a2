import { checkTicketFields } from '../ticket-fields/ticket-fields.service.ts';
import type { FieldForm } from '../ticket-fields/field-values.ts';
import type { Insertable, Updateable } from 'kysely';
import type { CreateTicketBody, PatchTicketBody, PurchaseInput, Ticket } from '../../contract/tickets.ts';
import { limits } from '../../contract/limits.ts';
import { findAgentRef } from '../agents/agents.repository.ts';
import { holdCustomerUser } from '../customers/customer-merge.ts';
import { matchOrCreateCustomerUser } from '../customers/customers.service.ts';
import { actorAgentId, type Actor, type TicketActor } from '../platform/actor.ts';
import type { TicketsTable } from '../platform/db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError, notFound } from '../platform/errors.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { getWorkspace } from '../workspaces/workspaces.service.ts';
import { applySla } from '../sla/apply-sla.ts';
import { assertMarketplaceSource } from '../channels/sources.service.ts';
import { allocateNewTicket } from '../routing/allocate-ticket.ts';
import { refuseWhileUnverified } from '../verification/verification-rules.ts';
import { runIdempotent, type Idempotency } from '../platform/idempotency.ts';
import { namesNeeded, toTicket } from './ticket-dto.ts';
import { namesFor } from './staff-names.ts';
import { notifyChange } from '../notifications/notify-change.ts';
import { eventActorOf, eventRows, recordEvents, type DomainEvent } from './ticket-events.ts';
import { formatTicketNumber } from '../../contract/ticket-number.ts';
import { resolveAssignee, resolveCategory, resolveDepartment } from './ticket-refs.ts';
import { findTicketById, findTicketByNumber, insertTicketWithEvents, lockTicketRow, nextTicketSeq, updateTicket, type LockedTicket } from './tickets.repository.ts';

export function assertTextSize(field: string, text: string, maxBytes: number): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    throw new AppError('too_large', `${field} is ${bytes} bytes; the limit is ${maxBytes}`, [{ field: `body.${field}`, message: `at most ${maxBytes} bytes` }]);
  }
}

export async function getTicket(deps: Deps, orgId: number, number: string): Promise<Ticket> {
  const row = await findTicketByNumber(deps.db, orgId, number);
  if (!row) throw notFound(`Ticket ${number}`);
  return toTicket(row, await namesFor(deps.db, deps.db, orgId, namesNeeded([row])), deps.clock.now());
}

async function readBack(deps: Deps, db: Db, orgId: number, id: number): Promise<Ticket> {
  const row = await findTicketById(db, orgId, id);
  if (!row) throw notFound('Ticket');
  return toTicket(row, await namesFor(deps.db, db, orgId, namesNeeded([row])), deps.clock.now());
}

/** A merge deletes the customer user it merged away: a form opened before it names someone gone. */
const unknownCustomerUser = (id: number) =>
  new AppError('not_found', `Unknown customer user: ${id} (merged into another customer user, or not of this workspace)`, [
    { field: 'body.customer_user_id', message: 'no such customer user in this workspace (merged ones are gone)' },
  ]);

/**
 * Creates a ticket with the next number of the workspace; the creating agent is the reporter.
 * With an idempotency key, a repeat of the same request returns the first answer unchanged.
 */
export async function createTicket(
  deps: Deps,
  actor: TicketActor,
  input: CreateTicketBody,
  idempotency?: Idempotency,
): Promise<{ ticket: Ticket; replayed: boolean }> {
  assertTextSize('description', input.description, limits.descriptionMaxBytes);
  const workspace = await getWorkspace(deps, actor.orgId);
  const now = deps.clock.now();
  // A custom number prefix could collide with an older number; runIdempotent retries, and the next sequence value is free.
  // Required fields are asked of the form the ticket comes through: the portal's (channel web) or the agents'.
  const form: FieldForm = actor.kind === 'customer' || input.channel === 'web' ? 'portal' : 'agent';
  const answer = await runIdempotent(deps.db, actor.orgId, idempotency, async (trx) => ({ status: 201, body: await insertNewTicket(deps, trx, actor, input, workspace, now, undefined, form) }));
  return { ticket: answer.body, replayed: answer.replayed };
}

/** What a channel's create adds to the ticket (its columns) and to its `created` event (an inbound mail's Message-ID, a follow-up). */
export interface AlongWithCreate {
  columns: Pick<Insertable<TicketsTable>, 'mail_cc' | 'follow_up_of' | 'review_rating' | 'review_url' | 'external_id' | 'inbound_mail_id' | 'mail_unreadable'>;
  created: Record<string, unknown>;
}

/** Inserts a new ticket with its events and notifications in the caller's transaction; the ticket as the API shows it. */
export async function insertNewTicket(
  deps: Deps,
  trx: Db,
  actor: TicketActor,
  input: CreateTicketBody,
  workspace: Awaited<ReturnType<typeof getWorkspace>>,
  now: Date,
  along: AlongWithCreate = { columns: {}, created: {} },
  form: FieldForm | null = null,
): Promise<Ticket> {
  const orgId = actor.orgId;
  const channel = input.channel ?? (actor.kind === 'agent' ? 'phone' : 'api');
  if (workspace.channels_off.includes(channel)) {
    throw new AppError('conflict', `The ${channel} channel is turned off in this workspace: an admin turns it on under Admin › Channels`, [{ field: 'body.channel', message: 'this channel is turned off' }]);
  }
  const customFields = await checkTicketFields(deps, trx, orgId, input.custom_fields, { form, current: null });
  const category = input.category !== undefined ? await resolveCategory(trx, orgId, input.category) : null;
  const department = input.department !== undefined ? await resolveDepartment(trx, orgId, input.department) : null;
  const assignee = input.assignee !== undefined ? await resolveAssignee(trx, orgId, input.assignee) : null;
  let customerUser: { id: number; customer_id: number | null } | null = null;
  // The customer user is held until the ticket is in: a merge running now either waits and moves it, or deleted them first.
  if (input.customer_user_id !== undefined) {
    customerUser = (await holdCustomerUser(trx, orgId, input.customer_user_id)) ?? null;
    if (!customerUser) throw unknownCustomerUser(input.customer_user_id);
  } else if (input.customer) {
    customerUser = await matchOrCreateCustomerUser(trx, orgId, input.customer, now, workspace.default_country);
  }
  const seq = await nextTicketSeq(trx, orgId);
  const number = formatTicketNumber(workspace.ticket_number_prefix, workspace.ticket_number_padding, seq, now, workspace.time_zone);
  // Marketplace sources are the workspace's list (admins extend it), so filters and reports can name them all.
  if (channel === 'marketplace' && input.source) await assertMarketplaceSource(trx, orgId, input.source, 'body.source');
  // Routing rules, verification and automatic assignment (routing/allocate-ticket.ts).
  const routingFacts = { channel, source: input.source ?? '', category_id: category?.id ?? null, customer_id: customerUser?.customer_id ?? null, subject: input.subject };
  const allocation = await allocateNewTicket(deps.db, trx, orgId, { department, assignee }, routingFacts, workspace.verification_channels, now);
  // Service levels: the matching policy's due times, counted from now.
  const sla = await applySla(deps, trx, orgId, { status: 'new', priority: input.priority, department_id: allocation.columns.department_id, category_id: category?.id ?? null, channel, created_at: now }, { kind: 'created' }, now);
  const created = { number, status: 'new', priority: input.priority, channel, category: category?.name ?? null, assignee: assignee?.name ?? null, ...allocation.created, ...along.created };
  const createdEvents: DomainEvent[] = [{ type: 'created', after: created }, ...allocation.events];
  const row = await insertTicketWithEvents(
    trx,
    {
      org_id: orgId,
      seq,
      number,
      subject: input.subject,
      description: input.description,
      priority: input.priority,
      status: 'new',
      category_id: category?.id ?? null,
      ...allocation.columns,
      reporter_id: actorAgentId(actor),
      customer_user_id: customerUser?.id ?? null,
      customer_id: customerUser?.customer_id ?? null,
      channel,
      source: input.source ?? '',
      order_number: input.order_number ?? null,
      transaction_ref: input.transaction_ref ?? null,
      review_ref: input.review_ref ?? null,
      order_items: JSON.stringify(input.order_items ?? []),
      ...purchaseColumns(input.purchase ?? null),
      custom_fields: JSON.stringify(customFields),
      tags: input.tags ?? [],
      ...sla,
      ...along.columns,
      created_at: now,
      updated_at: now,
    },
    (ticketId) => eventRows(orgId, ticketId, eventActorOf(actor), createdEvents, now),
  );
  await notifyChange(trx, deps.config, orgId, row.id, eventActorOf(actor), createdEvents, now, customerUser === null);
  return toTicket(row, await namesFor(deps.db, trx, orgId, namesNeeded([row])), now);
}

/** The columns of a loyalty purchase (null clears them). */
export const purchaseColumns = (p: PurchaseInput | null) => ({
  purchase_store: p?.store ?? null,
  purchase_amount: p?.amount ?? null,
  purchase_currency: p?.currency ?? null,
  purchased_at: p?.purchased_at ?? null,
});

/** A purchase as history shows it, whether read from a row or about to be written. */
function purchaseOf(c: { purchase_store: string | null; purchase_amount: string | number | null; purchase_currency: string | null; purchased_at: Date | string | null }) {
  if (c.purchase_store === null && c.purchase_amount === null && c.purchase_currency === null && c.purchased_at === null) return null;
  return {
    store: c.purchase_store,
    amount: c.purchase_amount === null ? null : Number(c.purchase_amount),
    currency: c.purchase_currency,
    purchased_at: c.purchased_at === null ? null : new Date(c.purchased_at).toISOString(),
  };
}

/** Loads the ticket for a change: row locked, version and ticket lock checked. */
export async function loadForChange(trx: Db, actor: TicketActor, number: string, ifMatch: number | undefined): Promise<LockedTicket> {
  const ticket = await lockTicketRow(trx, actor.orgId, number);
  if (!ticket) throw notFound(`Ticket ${number}`);
  if (ifMatch !== undefined && ifMatch !== ticket.version) {
    throw new AppError('precondition_failed', `The ticket changed since you read it (version ${ticket.version}, you sent ${ifMatch}); reload it`, { version: ticket.version });
  }
  if (ticket.locked_by !== null && actor.kind === 'agent' && actor.role !== 'admin' && ticket.locked_by !== actor.agentId) {
    throw new AppError('locked', `Ticket ${number} is locked by another agent`, { locked_by: ticket.locked_by });
  }
  return ticket;
}

/** Applies field changes with their history in one transaction; a change to nothing writes nothing. */
export async function changeTicket(deps: Deps, actor: Actor, number: string, input: PatchTicketBody, ifMatch?: number): Promise<Ticket> {
  const orgId = actor.orgId;
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await loadForChange(trx, actor, number, ifMatch);
    if (input.department !== undefined || input.assignee !== undefined) refuseWhileUnverified(ticket, 'give it a department or an assignee (verifying can choose the department)');
    const changes: Updateable<TicketsTable> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const events: DomainEvent[] = [];
    const set = <K extends keyof TicketsTable & string>(key: K, next: unknown, current: unknown, label = key as string, shownBefore = current, shownAfter = next) => {
      if (JSON.stringify(next) === JSON.stringify(current)) return;
      (changes as Record<string, unknown>)[key] = key === 'custom_fields' || key === 'order_items' ? JSON.stringify(next) : next;
      before[label] = shownBefore;
      after[label] = shownAfter;
    };
    if (input.subject !== undefined) set('subject', input.subject, ticket.subject);
    if (input.priority !== undefined) set('priority', input.priority, ticket.priority);
    // History shows names, as the agent saw them, not ids.
    const names = input.category !== undefined || input.department !== undefined
      ? await namesFor(deps.db, trx, orgId, { agents: [], departments: [ticket.department_id], categories: [ticket.category_id] })
      : undefined;
    const nameOf = (book: Map<number, string> | undefined, id: number | null) => (id === null ? null : (book?.get(id) ?? null));
    if (input.category !== undefined) {
      const category = input.category === null ? null : await resolveCategory(trx, orgId, input.category);
      set('category_id', category?.id ?? null, ticket.category_id, 'category', nameOf(names?.categories, ticket.category_id), category?.name ?? null);
    }
    if (input.department !== undefined) {
      const department = input.department === null ? null : await resolveDepartment(trx, orgId, input.department);
      set('department_id', department?.id ?? null, ticket.department_id, 'department', nameOf(names?.departments, ticket.department_id), department?.name ?? null);
    }
    if (input.custom_fields !== undefined) {
      set('custom_fields', await checkTicketFields(deps, trx, orgId, input.custom_fields, { form: null, current: ticket.custom_fields }), ticket.custom_fields);
    }
    if (input.tags !== undefined) set('tags', [...new Set(input.tags)], ticket.tags);
    if (input.order_number !== undefined) set('order_number', input.order_number, ticket.order_number);
    if (input.transaction_ref !== undefined) set('transaction_ref', input.transaction_ref, ticket.transaction_ref);
    if (input.order_items !== undefined) set('order_items', input.order_items, ticket.order_items);
    if (input.purchase !== undefined) {
      const next = purchaseOf(purchaseColumns(input.purchase));
      const current = purchaseOf(ticket);
      if (JSON.stringify(next) !== JSON.stringify(current)) {
        Object.assign(changes, purchaseColumns(input.purchase));
        before.purchase = current;
        after.purchase = next;
      }
    }
    if (Object.keys(after).length) events.push({ type: 'updated', before: { ...before }, after: { ...after } });
    if (input.assignee !== undefined && input.assignee !== ticket.assignee_id) {
      const assignee = input.assignee === null ? null : await resolveAssignee(trx, orgId, input.assignee);
      changes.assignee_id = assignee?.id ?? null;
      const previous = ticket.assignee_id === null ? null : ((await findAgentRef(trx, orgId, ticket.assignee_id))?.name ?? null);
      events.push({
        type: assignee ? 'assigned' : 'unassigned',
        before: { assignee_id: ticket.assignee_id, assignee: previous },
        after: { assignee_id: assignee?.id ?? null, assignee: assignee?.name ?? null },
      });
    }
    // Service levels: another priority, department or category may match another policy.
    if (changes.priority !== undefined || changes.department_id !== undefined || changes.category_id !== undefined) {
      const matched = { priority: changes.priority ?? ticket.priority, department_id: changes.department_id === undefined ? ticket.department_id : changes.department_id, category_id: changes.category_id === undefined ? ticket.category_id : changes.category_id };
      Object.assign(changes, await applySla(deps, trx, orgId, { ...ticket, ...matched }, { kind: 'recompute' }, now));
    }
    if (events.length) {
      await updateTicket(trx, orgId, ticket.id, changes, now);
      await recordEvents(trx, deps.config, orgId, ticket.id, eventActorOf(actor), events, now);
    }
    return readBack(deps, trx, orgId, ticket.id);
  });
}

/** Takes or releases the ticket lock (ownership): agents only; another's lock only an admin may take. */
export async function setTicketLock(deps: Deps, actor: Actor, number: string, locked: boolean): Promise<Ticket> {
  if (actor.kind !== 'agent') throw new AppError('forbidden', 'Only agents lock tickets');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await loadForChange(trx, actor, number, undefined);
    const target = locked ? actor.agentId : null;
    if (ticket.locked_by !== target) {
      await updateTicket(trx, actor.orgId, ticket.id, { locked_by: target, locked_at: locked ? now : null }, now);
      await recordEvents(trx, deps.config, actor.orgId, ticket.id, eventActorOf(actor), [
        { type: locked ? 'locked' : 'unlocked', before: { locked_by: ticket.locked_by }, after: { locked_by: target } },
      ], now);
    }
    return readBack(deps, trx, actor.orgId, ticket.id);
  });
}

export { readBack };
