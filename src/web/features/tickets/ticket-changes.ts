import type { Ticket } from '../../../contract/tickets.ts';

/** What the words of a change are made of: a dictionary key, or the value as the ticket has it. */
export type Word = { key: string; values?: Record<string, string> } | { text: string };

type Shown = (t: Ticket) => Word;

const text = (value: string): Word => ({ text: value });
const nameOr = (ref: { name: string } | null, none: string): Word => (ref ? text(ref.name) : { key: none });
const statusWord = (t: Ticket): Word => ({ key: t.status === 'closed' && t.close_reason === 'auto' ? 'common:status.auto_closed' : `common:status.${t.status}` });

// What an agent looks at when told that someone else changed the ticket.
const watched: [label: string, shown: Shown][] = [
  ['change.status', statusWord],
  ['change.subject', (t) => text(t.subject)],
  ['change.priority', (t) => ({ key: `common:priority.${t.priority}` })],
  ['change.category', (t) => nameOr(t.category, 'change.none')],
  ['change.department', (t) => nameOr(t.department, 'change.none')],
  ['change.assignee', (t) => nameOr(t.assignee, 'change.unassigned')],
  ['change.lockedBy', (t) => nameOr(t.locked_by, 'change.nobody')],
  ['change.tags', (t) => (t.tags.length ? text(t.tags.join(', ')) : { key: 'change.none' })],
  ['change.orderNumber', (t) => (t.order_number ? text(t.order_number) : { key: 'change.none' })],
  ['change.transactionRef', (t) => (t.transaction_ref ? text(t.transaction_ref) : { key: 'change.none' })],
  ['change.pendingReason', (t) => (t.pending_reason ? text(t.pending_reason) : { key: 'change.none' })],
  ['change.resolution', (t) => (t.resolution ? text(t.resolution) : { key: 'change.none' })],
];

export interface FieldChange {
  /** Dictionary key of the field's name (namespace ticket). */
  label: string;
  before: Word;
  after: Word;
}

const same = (a: Word, b: Word) => JSON.stringify(a) === JSON.stringify(b);

/** The differences between the ticket as the agent saw it and as it is now, as words to translate. */
export function describeTicketChanges(before: Ticket, after: Ticket): FieldChange[] {
  return watched.flatMap(([label, shown]) => {
    const [b, a] = [shown(before), shown(after)];
    return same(b, a) ? [] : [{ label, before: b, after: a }];
  });
}
