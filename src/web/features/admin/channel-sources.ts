import type { TicketSource } from '../../../contract/channel-intake.ts';

/**
 * The key a new source is stored under on tickets, suggested from its name as the admin types it:
 * lower-case letters, digits, - and _ (the API's rule), accents dropped, spaces as dashes.
 * "Tokopedia" → tokopedia, "Shopee Mall" → shopee-mall, "Café Ünique" → cafe-unique.
 */
export function sourceKeyOf(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50);
}

/** The sources of one channel in their order, retired ones in their place. */
export const sourcesOf = (items: readonly TicketSource[], channel: TicketSource['channel']): TicketSource[] =>
  items.filter((s) => s.channel === channel).sort((a, b) => a.position - b.position);

