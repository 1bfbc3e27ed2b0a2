import { useQuery } from '@tanstack/react-query';
import type { TicketSla } from '../../../../contract/sla.ts';
import type { Ticket } from '../../../../contract/tickets.ts';
import { api } from '../../../lib/api-client.ts';

/** A ticket's service-level state; read again whenever the ticket changes (its version) and each minute, as due times come and go. */
export const useTicketSla = (ticket: Pick<Ticket, 'number' | 'version'>) =>
  useQuery({
    queryKey: ['tickets', 'sla', ticket.number, ticket.version],
    queryFn: ({ signal }) => api<TicketSla>(`/tickets/${encodeURIComponent(ticket.number)}/sla`, { signal }),
    placeholderData: (previous) => previous,
    refetchInterval: 60_000,
  });
