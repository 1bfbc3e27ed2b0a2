import type { Ticket } from '../../../contract/tickets.ts';

type Shown = (t: Ticket) => string;

const nameOr = (ref: { name: string } | null, none: string) => ref?.name ?? none;
const statusName = (t: Ticket) =>
  t.status === 'pending' ? 'On hold' : t.status === 'closed' && t.close_reason === 'auto' ? 'Auto-closed' : t.status.charAt(0).toUpperCase() + t.status.slice(1);

// What an agent looks at when told that someone else changed the ticket.
const watched: [label: string, shown: Shown][] = [
  ['Status', statusName],
  ['Subject', (t) => t.subject],
  ['Priority', (t) => t.priority],
  ['Category', (t) => nameOr(t.category, 'none')],
  ['Department', (t) => nameOr(t.department, 'none')],
  ['Assignee', (t) => nameOr(t.assignee, 'unassigned')],
  ['Locked by', (t) => nameOr(t.locked_by, 'nobody')],
  ['Tags', (t) => (t.tags.length ? t.tags.join(', ') : 'none')],
  ['Order number', (t) => t.order_number ?? 'none'],
  ['Transaction reference', (t) => t.transaction_ref ?? 'none'],
  ['On hold because', (t) => t.pending_reason ?? 'none'],
  ['Resolution', (t) => t.resolution ?? 'none'],
];

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

/** The differences between the ticket as the agent saw it and as it is now, in words. */
export function describeTicketChanges(before: Ticket, after: Ticket): FieldChange[] {
  return watched.flatMap(([label, shown]) => {
    const [b, a] = [shown(before), shown(after)];
    return b === a ? [] : [{ label, before: b, after: a }];
  });
}
