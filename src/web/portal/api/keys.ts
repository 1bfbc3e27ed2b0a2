/** Where the portal's data lives in the query cache: everything under ['portal', workspace]. */
export const portalKeys = {
  workspace: (ws: string) => ['portal', ws] as const,
  config: (ws: string) => ['portal', ws, 'config'] as const,
  me: (ws: string) => ['portal', ws, 'me'] as const,
  /** Every ticket view: the list, each ticket, its notes and history; what a live event makes stale. */
  tickets: (ws: string) => ['portal', ws, 'tickets'] as const,
  list: (ws: string) => ['portal', ws, 'tickets', 'list'] as const,
  ticket: (ws: string, number: string) => ['portal', ws, 'tickets', 'detail', number] as const,
  notes: (ws: string, number: string) => ['portal', ws, 'tickets', 'notes', number] as const,
  history: (ws: string, number: string) => ['portal', ws, 'tickets', 'history', number] as const,
};

/** The API path of a workspace's portal (under /api/v1). */
export const portalApi = (ws: string, rest = '') => `/portal/${encodeURIComponent(ws)}${rest}`;

/** The API path of one of the customer's tickets. */
export const ticketApi = (ws: string, number: string, rest = '') => portalApi(ws, `/tickets/${encodeURIComponent(number)}${rest}`);

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}
