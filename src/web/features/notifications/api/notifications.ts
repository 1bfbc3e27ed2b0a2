import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Notification, NotificationsPage } from '../../../../contract/notifications.ts';
import { api } from '../../../lib/api-client.ts';

export const notificationsQueryKey = ['notifications'] as const;

/** The agent's notifications, newest first, a page at a time; refreshed by live events. */
export const useNotifications = () =>
  useInfiniteQuery({
    queryKey: notificationsQueryKey,
    queryFn: ({ pageParam, signal }) => api<NotificationsPage>('/notifications', { query: { limit: 20, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

function useRefreshAfter<T>(mutationFn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => client.invalidateQueries({ queryKey: notificationsQueryKey }) });
}

export const useMarkRead = () => useRefreshAfter((id: number) => api<Notification>(`/notifications/${id}/read`, { method: 'POST' }));

/** Marks read what the agent has seen (up to the newest shown), so one arriving meanwhile stays unread. */
export const useMarkAllRead = () => useRefreshAfter((upTo: number) => api<{ updated: number; unread_count: number }>('/notifications/read-all', { method: 'POST', body: { up_to: upTo } }));
