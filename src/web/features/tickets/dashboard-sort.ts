import type { SortFilter, SortKey } from './ticket-filters.ts';

export interface SortState {
  key: SortKey;
  isDescending: boolean;
}

/** The server's order when the URL names none: newest first. */
export const defaultSort: SortFilter = '-created_at';

// The first click on a column gives the order an agent looks for: most urgent, newest, soonest due.
const firstDescending: Record<SortKey, boolean> = { created_at: true, updated_at: true, number: true, priority: true, due: false };

export function sortStateOf(sort: SortFilter | undefined): SortState {
  const value = sort ?? defaultSort;
  return { key: value.replace(/^-/, '') as SortKey, isDescending: value.startsWith('-') };
}

/** The sort after a click on a column header: the other direction on the sorted column, else its natural one. */
export function nextSort(current: SortFilter | undefined, key: SortKey): SortFilter | undefined {
  const now = sortStateOf(current);
  const isDescending = now.key === key ? !now.isDescending : firstDescending[key];
  const next: SortFilter = isDescending ? `-${key}` : key;
  // The default order is no parameter at all, so the plain dashboard link stays the plain one.
  return next === defaultSort ? undefined : next;
}

/** The header's aria-sort: only the sorted column says how. */
export function ariaSortOf(sort: SortFilter | undefined, key: SortKey): 'ascending' | 'descending' | undefined {
  const now = sortStateOf(sort);
  if (now.key !== key) return undefined;
  return now.isDescending ? 'descending' : 'ascending';
}
