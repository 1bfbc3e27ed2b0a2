import type { ActorKind } from '../platform/db/schema.ts';
import type { MailTemplate } from '../mail/mail-request.ts';
import type { DomainEvent } from '../tickets/ticket-events.ts';

/**
 * The mail a change sends the customer (DESIGN.md §2): created, opened by an agent, put on hold,
 * an agent's public reply, resolved, closed, reopened. What the customer did themselves is not
 * mailed back to them, except the confirmation of a request they submitted; a rejected ticket
 * (spam, an unverified review) is closed without a word. A ticket that waits for verification is
 * announced (with its number) when an agent verifies it, not when it is created.
 */
export function customerMailFor(events: readonly DomainEvent[], actorKind: ActorKind): MailTemplate | null {
  for (const event of events) {
    // A mail that asks for no automatic answer (a list, an automated sender) gets no confirmation.
    if (event.type === 'created') return event.after?.verification_state === 'unverified' || event.after?.no_auto_reply === true ? null : 'ticket_created';
    if (event.type === 'verified') return 'ticket_created';
    if (actorKind === 'customer') continue;
    switch (event.type) {
      case 'opened':
        return 'ticket_opened';
      case 'held':
        return 'ticket_held';
      case 'replied':
        return 'agent_replied';
      case 'resolved':
        return 'ticket_resolved';
      case 'closed':
        return event.after?.close_reason === 'rejected' ? null : 'ticket_closed';
      case 'reopened':
        return 'ticket_reopened';
    }
  }
  return null;
}
