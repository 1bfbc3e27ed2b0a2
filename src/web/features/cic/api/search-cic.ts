import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { CicHit } from '../../../../contract/cic.ts';
import { api } from '../../../lib/api-client.ts';
import { isSearchableTerm } from '../../customers/api/search-customer-users.ts';

export interface CicSearchPage {
  items: CicHit[];
  next_cursor: string | null;
}

export const cicSearchPageSize = 20;

/** Customers and customer users together; `*` is a wildcard, `**` lists all. */
export const searchCic = (search: string, cursor: string | null, signal?: AbortSignal): Promise<CicSearchPage> =>
  api<CicSearchPage>('/cic/search', { query: { search: search.trim(), limit: cicSearchPageSize, cursor }, signal });

export const cicSearchQueryOptions = (search: string) =>
  infiniteQueryOptions({
    queryKey: ['cic', 'search', search.trim()],
    queryFn: ({ pageParam, signal }) => searchCic(search, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    enabled: isSearchableTerm(search),
    staleTime: 30_000,
  });

/** The search dialog's results, paged with "Load more"; nothing is asked for a too-short term. */
export const useCicSearch = (search: string) => useInfiniteQuery(cicSearchQueryOptions(search));
