import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { TicketWidget, WidgetFilter, WidgetPage } from '../../../../contract/cic.ts';
import { api } from '../../../lib/api-client.ts';
import { type CicSubjectKind, subjectPath } from './get-dashboard.ts';

export const widgetPageSize = 5;

// Under ['tickets', 'list'], so live events refresh the widgets like the dashboard's table.
export const widgetQueryOptions = (kind: CicSubjectKind, id: number, widget: TicketWidget, filter: WidgetFilter) =>
  infiniteQueryOptions({
    queryKey: ['tickets', 'list', 'cic', kind, id, widget, filter],
    queryFn: ({ pageParam, signal }) =>
      api<WidgetPage>(`${subjectPath(kind, id)}/dashboard/${widget}`, { query: { filter, limit: widgetPageSize, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });

/** One ticket widget under one filter tab, with the counts of every tab, paged with "Load more". */
export const useWidget = (kind: CicSubjectKind, id: number, widget: TicketWidget, filter: WidgetFilter) =>
  useInfiniteQuery(widgetQueryOptions(kind, id, widget, filter));
