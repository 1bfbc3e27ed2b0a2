import { formatTicketNumber as numberAsServer } from '../../../contract/ticket-number.ts';

/** The counter the settings page shows an example with: the number itself is the workspace's next one. */
export const exampleSequence = 42;

/**
 * A ticket number as the server makes it (contract/ticket-number.ts); a time zone still being typed
 * (not a zone yet) counts the year in the browser's own zone.
 */
export function formatTicketNumber(prefix: string, padding: number, sequence: number, at: Date, timeZone: string): string {
  try {
    return numberAsServer(prefix, padding, sequence, at, timeZone);
  } catch {
    return numberAsServer(prefix, padding, sequence, at, Intl.DateTimeFormat().resolvedOptions().timeZone);
  }
}

/** The padding as typed: a whole number from 1 to 12, or null. */
export function parsePadding(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  const padding = Number(trimmed);
  return padding >= 1 && padding <= 12 ? padding : null;
}
