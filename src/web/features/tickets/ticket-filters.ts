import type { statusFilters } from '../../../contract/tickets.ts';

export type StatusFilter = (typeof statusFilters)[number];

/** The list filters the dashboard keeps in the URL query string. */
export interface TicketFilters {
  status?: StatusFilter;
}

/** The status tiles in the order of DESIGN.md §3; `total` is the tile without a status filter. */
export const statusTiles = [
  { key: 'new', label: 'New' },
  { key: 'open', label: 'Open' },
  { key: 'pending', label: 'On hold' },
  { key: 'overdue', label: 'Overdue' },
  { key: 'resolved', label: 'Resolved' },
  { key: 'closed', label: 'Closed' },
  { key: 'auto_closed', label: 'Auto-closed' },
  { key: 'total', label: 'Total' },
] as const satisfies readonly { key: StatusFilter | 'total'; label: string }[];

const statusKeys = new Set<string>(statusTiles.map((t) => t.key).filter((k) => k !== 'total'));

/** Reads the filters from the URL, ignoring values the API would refuse. */
export function readTicketFilters(params: URLSearchParams): TicketFilters {
  const status = params.get('status');
  return status && statusKeys.has(status) ? { status: status as StatusFilter } : {};
}

/** The query string for the filters, keeping any other parameters already in the URL. */
export function writeTicketFilters(params: URLSearchParams, filters: TicketFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  if (filters.status) next.set('status', filters.status);
  else next.delete('status');
  return next;
}

export const statusFilterLabel = (status: StatusFilter): string => statusTiles.find((t) => t.key === status)?.label ?? status;
