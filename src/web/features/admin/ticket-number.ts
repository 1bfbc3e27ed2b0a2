/**
 * What ticket numbers look like, worked out as the server numbers them (server/tickets/ticket-number.ts):
 * the prefix with `{YYYY}` as the year in the workspace's time zone, then the counter zero-padded.
 */

/** The counter the settings page shows an example with: the number itself is the workspace's next one. */
export const exampleSequence = 42;

/** The year of `at` in a time zone; a zone still being typed (not a zone yet) gives the browser's own year. */
export function yearIn(at: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(at);
  } catch {
    return String(at.getFullYear());
  }
}

/** A ticket number: `{YYYY}` + 4 and 42 give 20260042. */
export function formatTicketNumber(prefix: string, padding: number, sequence: number, at: Date, timeZone: string): string {
  return prefix.replaceAll('{YYYY}', yearIn(at, timeZone)) + String(sequence).padStart(padding, '0');
}

/** The padding as typed: a whole number from 1 to 12, or null. */
export function parsePadding(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  const padding = Number(trimmed);
  return padding >= 1 && padding <= 12 ? padding : null;
}
