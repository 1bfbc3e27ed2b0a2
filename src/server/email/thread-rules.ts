/**
 * Threading by subject (issue 7, rule d): the ticket numbers a subject names, in order —
 * `[#20260042]`, or `#20260042` as our own subjects write it ("Your request #20260042 is on hold").
 * A number alone proves nothing (anyone can type one), so a reply threads by it only when its sender
 * is the ticket's customer or was on the mail that opened it (`maySendToTicket`).
 */
const NUMBER = /\[#([A-Za-z0-9][A-Za-z0-9-]{2,40})\]|(?<![\w#])#([A-Za-z0-9-]*\d[A-Za-z0-9-]*)(?![\w-])/g;

export function ticketNumbersIn(subject: string): string[] {
  const numbers = [...subject.matchAll(NUMBER)].map((m) => m[1] ?? m[2]).filter((n) => /\d/.test(n) && n.length >= 3 && n.length <= 41);
  return [...new Set(numbers)];
}

const REPLY_PREFIX = /^\s*((re|aw|sv|vs|wg|fw|fwd|tr|rif|r|i|odp|balas|antw)\s*(\[\d+\])?\s*:\s*)+/i;

/** The subject of a follow-up ticket: the reply prefixes and the old ticket's reference taken off. */
export function followUpSubject(subject: string, number: string): string {
  const escaped = number.replace(/[-]/g, '\\-');
  const withoutRef = subject.replace(new RegExp(`\\s*(\\[#${escaped}\\]|#${escaped}(?![\\w-]))`, 'g'), ' ');
  return withoutRef.replace(REPLY_PREFIX, '').replace(/\s+/g, ' ').trim();
}

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether a mail from `sender` may join the ticket by the number in its subject. */
export function maySendToTicket(sender: string | null, ticket: { customerEmail: string | null; cc: readonly string[] }): boolean {
  if (!sender) return false;
  return (ticket.customerEmail !== null && sameAddress(sender, ticket.customerEmail)) || ticket.cc.some((c) => sameAddress(sender, c));
}
