import type { SortKey } from './ticket-filters.ts';

/** The ticket table's columns of DESIGN.md §3, in their order; Number and Subject are always shown. Their names are `dashboard:columns.<id>`. */
export const dashboardColumns = [
  { id: 'number', sort: 'number', isRequired: true },
  { id: 'subject', isRequired: true },
  { id: 'category' },
  { id: 'customer' },
  { id: 'reporter' },
  { id: 'assignee' },
  { id: 'priority', sort: 'priority' },
  { id: 'status' },
  { id: 'channel' },
  { id: 'department' },
  { id: 'created', sort: 'created_at' },
  { id: 'due', sort: 'due' },
] as const satisfies readonly { id: string; sort?: SortKey; isRequired?: boolean }[];

export type ColumnId = (typeof dashboardColumns)[number]['id'];
export type DashboardColumn = (typeof dashboardColumns)[number];

/** Where the browser keeps the agent's column choice. */
export const columnsStorageKey = 'caredesk:dashboard:hidden-columns';

const optionalIds = new Set<string>(dashboardColumns.filter((c) => !('isRequired' in c)).map((c) => c.id));

/**
 * The hidden columns saved earlier. The hidden ones are stored rather than the shown ones, so a
 * column added in a later release shows up; anything unknown or required is ignored.
 */
export function parseHiddenColumns(stored: string | null): ReadonlySet<ColumnId> {
  if (!stored) return new Set();
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return new Set();
  }
  if (!Array.isArray(value)) return new Set();
  return new Set(value.filter((v): v is ColumnId => typeof v === 'string' && optionalIds.has(v)));
}

/** The stored form, in column order so the same choice is always the same text. */
export const serializeHiddenColumns = (hidden: ReadonlySet<ColumnId>): string => JSON.stringify(dashboardColumns.map((c) => c.id).filter((id) => hidden.has(id) && optionalIds.has(id)));

export const visibleColumns = (hidden: ReadonlySet<ColumnId>): DashboardColumn[] => dashboardColumns.filter((c) => !hidden.has(c.id));

export const isRequiredColumn = (column: DashboardColumn): boolean => 'isRequired' in column && column.isRequired;
