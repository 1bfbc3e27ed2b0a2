import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OutboxMailDetail } from '../../../../contract/mail.ts';
import { api } from '../../../lib/api-client.ts';
import { isInFlight, outboxQueryKey } from './get-outbox.ts';

export const outboxMailQueryKey = (id: number) => [...outboxQueryKey, 'mail', id] as const;

/** One outgoing mail with its text and HTML parts. */
export const getOutboxMail = (id: number, signal?: AbortSignal): Promise<OutboxMailDetail> => api<OutboxMailDetail>(`/outbox/${id}`, { signal });

export const outboxMailQueryOptions = (id: number) =>
  queryOptions({
    queryKey: outboxMailQueryKey(id),
    queryFn: ({ signal }) => getOutboxMail(id, signal),
    refetchInterval: (query) => (query.state.data && isInFlight(query.state.data) ? 1_000 : false),
  });

export const useOutboxMail = (id: number) => useQuery({ ...outboxMailQueryOptions(id), enabled: Number.isSafeInteger(id) && id > 0 });
