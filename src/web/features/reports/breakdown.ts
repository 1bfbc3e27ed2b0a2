import { type Channel, channels } from '../../../contract/channels.ts';
import type { OverviewReport } from '../../../contract/reports.ts';

export type BreakdownRow = OverviewReport['by_channel'][number];
export type BreakdownDimension = 'channel' | 'category' | 'department';

/**
 * How a row of a breakdown is named on the page: a channel by the app's word for it (in the
 * agent's language), a ticket without a category or department as "none", anything else (a
 * marketplace or review source, a category, a department) by the name the server gives.
 */
export type BreakdownName = { kind: 'channel'; channel: Channel } | { kind: 'none'; dimension: BreakdownDimension } | { kind: 'label'; label: string };

const isChannel = (key: string): key is Channel => (channels as readonly string[]).includes(key);

export function breakdownName(dimension: BreakdownDimension, row: Pick<BreakdownRow, 'key' | 'label'>): BreakdownName {
  if (row.key === '') return { kind: 'none', dimension };
  if (dimension === 'channel' && isChannel(row.key)) return { kind: 'channel', channel: row.key };
  return { kind: 'label', label: row.label };
}

/** The rows a chart has room for (the biggest, as the server orders them), and how many more the table lists. */
export function chartRows<T>(rows: readonly T[], room: number): { shown: T[]; more: number } {
  return { shown: rows.slice(0, room), more: Math.max(0, rows.length - room) };
}

/** Whether a report has anything to chart: all zeros draw an empty frame, which says less than a sentence. */
export const hasCounts = (rows: readonly Record<string, unknown>[], keys: readonly string[]): boolean => rows.some((r) => keys.some((k) => typeof r[k] === 'number' && (r[k] as number) > 0));
