import type { Status } from './tickets.ts';

/**
 * The lifecycle of DESIGN.md §2 as data: where a ticket may move from each status. Agents may
 * make every one of these moves; the server narrows them for customers, integrations and the system.
 */
export const moves: Readonly<Record<Status, readonly Status[]>> = {
  new: ['open', 'pending', 'resolved', 'closed'],
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};
