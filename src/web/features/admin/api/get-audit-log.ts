import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage } from '../../../../contract/audit.ts';
import { api } from '../../../lib/api-client.ts';
import type { AuditEntity } from '../audit-entry.ts';

export const auditLogQueryKey = ['audit-log'] as const;
export const auditLogPageSize = 50;

/** One page of the admin changes, newest first, of one kind of object or all. */
export const getAuditLog = (entity: AuditEntity | undefined, cursor: string | null, signal?: AbortSignal): Promise<AuditPage> =>
  api<AuditPage>('/admin/audit-log', { query: { entity, limit: auditLogPageSize, cursor }, signal });

/** The audit log under an entity filter, paged by the server's cursor ("Load more"); read afresh each time the page opens. */
export const useAuditLog = (entity: AuditEntity | undefined) =>
  useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: [...auditLogQueryKey, entity ?? 'all'],
      queryFn: ({ pageParam, signal }) => getAuditLog(entity, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor,
      staleTime: 0,
    }),
  );
