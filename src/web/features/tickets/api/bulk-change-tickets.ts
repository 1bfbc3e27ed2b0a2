import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PatchTicketBody, Ticket, TransitionBody } from '../../../../contract/tickets.ts';
import { type BulkOutcome, transitionFor } from '../dashboard-bulk.ts';
import { patchTicket, transitionTicket } from './change-ticket.ts';
import { refreshTicket, refreshTicketLists } from './ticket-cache.ts';

/** One change for every selected ticket: fields (assignee, category) or a lifecycle move. */
export type BulkChange = { kind: 'patch'; body: PatchTicketBody } | { kind: 'transition'; body: TransitionBody };

export type BulkTicket = Pick<Ticket, 'number' | 'version' | 'status'>;

// A few requests at a time: quick for a page of tickets without queueing the server behind one agent.
const parallel = 4;

function changeOne(ticket: BulkTicket, change: BulkChange): Promise<Ticket> {
  return change.kind === 'patch'
    ? patchTicket(ticket.number, ticket.version, change.body)
    : transitionTicket(ticket.number, ticket.version, transitionFor(ticket, change.body));
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Changes each ticket with its own request, as the agent last saw it (If-Match: its version), so
 * one ticket changed meanwhile or refusing the move fails alone and the others still go through.
 */
export async function changeTickets(tickets: readonly BulkTicket[], change: BulkChange): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { changed: [], failed: [] };
  for (let start = 0; start < tickets.length; start += parallel) {
    const batch = tickets.slice(start, start + parallel);
    const results = await Promise.allSettled(batch.map((t) => changeOne(t, change)));
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') outcome.changed.push(batch[i].number);
      else outcome.failed.push({ number: batch[i].number, message: messageOf(result.reason) });
    });
  }
  return outcome;
}

/** The bulk change as a mutation; afterwards the list, the counts and any open ticket are read again. */
export function useBulkChangeTickets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ tickets, change }: { tickets: readonly BulkTicket[]; change: BulkChange }) => changeTickets(tickets, change),
    onSettled: (_outcome, _error, { tickets }) => {
      refreshTicketLists(client);
      for (const t of tickets) refreshTicket(client, t.number);
    },
  });
}
