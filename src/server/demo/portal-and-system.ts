/**
 * What a customer does in the portal and what the auto-close job does, for the demo: the ticket
 * services with a customer or the system as the actor.
 */
import type { Ticket } from '../../contract/tickets.ts';
import { systemActor, type TicketActor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import type { TransitionRequest } from '../tickets/lifecycle.ts';
import { addMessage } from '../tickets/messages.service.ts';
import { transitionTicket } from '../tickets/transitions.service.ts';

export interface CustomerRef {
  id: number;
  name: string;
}

const customerActor = (orgId: number, customer: CustomerRef): TicketActor => ({ kind: 'customer', orgId, customerUserId: customer.id, name: customer.name });

/** The customer resolves (from any open state) or reopens a resolved ticket in the portal. */
export const moveAsCustomer = (deps: Deps, orgId: number, number: string, customer: CustomerRef, request: TransitionRequest): Promise<Ticket> =>
  transitionTicket(deps, customerActor(orgId, customer), number, request);

/** The auto-close job: a resolved ticket, or one pending on the customer, after the inactivity period. */
export const autoClose = (deps: Deps, orgId: number, number: string): Promise<Ticket> =>
  transitionTicket(deps, systemActor(orgId), number, { to: 'closed', close_reason: 'auto' });

/** A customer note from the portal: public, authored by the customer user. */
export async function addCustomerNote(deps: Deps, orgId: number, number: string, customer: CustomerRef, body: string): Promise<void> {
  await addMessage(deps, customerActor(orgId, customer), number, { body, visibility: 'public' });
}
