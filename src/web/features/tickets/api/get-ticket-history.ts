import { useInfiniteQuery } from '@tanstack/react-query';
import type { TicketEvent } from '../../../../contract/tickets.ts';
import { ticketPagesOptions } from './ticket-pages.ts';

export const ticketHistoryQueryKey = (number: string) => ['tickets', 'history', number] as const;

/** Every change to the ticket, oldest first. */
export const useTicketHistory = (number: string) => useInfiniteQuery(ticketPagesOptions<TicketEvent>('history', number));
