import type { z } from 'zod';
import type { createSourceBody, patchSourceBody, TicketSource } from '../../contract/channel-intake.ts';
import type { Deps } from '../platform/deps.ts';
import { ShortCache } from '../platform/short-cache.ts';
import { AppError, notFound } from '../platform/errors.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { findSourceRow, insertSourceIfNew, listSourceRows, updateSourceRow } from './sources.repository.ts';

export type SourceChannel = TicketSource['channel'];

/** The sources a new workspace starts with (migration 0014 gave existing workspaces the same). */
export const seededSources: readonly { channel: SourceChannel; key: string; label: string }[] = [
  { channel: 'marketplace', key: 'website', label: 'Website' },
  { channel: 'marketplace', key: 'ebay', label: 'eBay' },
  { channel: 'marketplace', key: 'amazon', label: 'Amazon' },
  { channel: 'marketplace', key: 'b2b', label: 'B2B' },
  { channel: 'review', key: 'google', label: 'Google' },
  { channel: 'review', key: 'facebook', label: 'Facebook' },
  { channel: 'review', key: 'tripadvisor', label: 'Tripadvisor' },
];

const toSource = (r: { channel: SourceChannel; key: string; label: string; position: number; retired_at: Date | null }): TicketSource => ({
  channel: r.channel,
  key: r.key,
  label: r.label,
  position: r.position,
  retired: r.retired_at !== null,
});

export async function listSources(deps: Deps, orgId: number, channel: SourceChannel | undefined, includeRetired: boolean): Promise<TicketSource[]> {
  return (await listSourceRows(deps.db, orgId, channel, includeRetired)).map(toSource);
}

export async function addSource(deps: Deps, orgId: number, input: z.infer<typeof createSourceBody>): Promise<TicketSource> {
  const row = await insertSourceIfNew(deps.db, orgId, input.channel, input.key, input.label);
  if (!row) throw new AppError('conflict', `The ${input.channel} source ${input.key} exists already`, [{ field: 'body.key', message: 'exists already' }]);
  return toSource(row);
}

export async function changeSource(deps: Deps, orgId: number, channel: SourceChannel, key: string, input: z.infer<typeof patchSourceBody>): Promise<TicketSource> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await findSourceRow(trx, orgId, channel, key);
    if (!current) throw notFound(`Source ${channel}/${key}`);
    const retiredAt = input.retired === undefined ? undefined : input.retired ? (current.retired_at ?? now) : null;
    const row = await updateSourceRow(trx, orgId, channel, key, { label: input.label, position: input.position, retired_at: retiredAt });
    return toSource(row!);
  });
}

/** An order issue's source must be one the workspace offers; the error names the ones it does. */
export async function assertMarketplaceSource(db: Db, orgId: number, key: string, field: string): Promise<void> {
  const row = await findSourceRow(db, orgId, 'marketplace', key);
  if (row && row.retired_at === null) return;
  const offered = (await listSourceRows(db, orgId, 'marketplace', false)).map((s) => s.key);
  const why = row ? `the marketplace source ${key} is retired` : `unknown marketplace source ${key}`;
  throw new AppError('validation_error', `${why}; the workspace offers: ${offered.join(', ') || 'none'} (admins add sources)`, [{ field, message: why }]);
}

// Sources are never deleted: once seen, a platform needs no insert (that would do nothing) for a while.
const knownPlatforms = new ShortCache<string, true>(60_000);

/** A review platform an integration names joins the review sources (and so the channel filters). */
export async function registerReviewPlatform(deps: Pick<Deps, 'db'>, trx: Db, orgId: number, key: string): Promise<void> {
  if (knownPlatforms.get(deps.db, `${orgId}:${key}`)) return;
  const label = key.charAt(0).toUpperCase() + key.slice(1);
  // Remembered only when it was there before: a row this transaction adds may yet roll back.
  if (!(await insertSourceIfNew(trx, orgId, 'review', key, label))) knownPlatforms.set(deps.db, `${orgId}:${key}`, true);
}

/** One source as the list shows it, or null. */
export async function findSource(deps: Deps, orgId: number, channel: SourceChannel, key: string): Promise<TicketSource | null> {
  const row = await findSourceRow(deps.db, orgId, channel, key);
  return row ? toSource(row) : null;
}
