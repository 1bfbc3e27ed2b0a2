import { useInfiniteQuery } from '@tanstack/react-query';
import type { Message } from '../../../../contract/tickets.ts';
import { ticketPagesOptions } from './ticket-pages.ts';

export const ticketMessagesQueryKey = (number: string) => ['tickets', 'messages', number] as const;

/** The conversation, oldest first. */
export const useTicketMessages = (number: string) => useInfiniteQuery(ticketPagesOptions<Message>('messages', number));
