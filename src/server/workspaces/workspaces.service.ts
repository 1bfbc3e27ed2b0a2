import { channels } from '../../contract/channels.ts';
import type { CreateWorkspaceBody, PatchSettingsBody, Settings } from '../../contract/workspaces.ts';
import { insertAgent } from '../agents/agents.repository.ts';
import { hashPassword } from '../platform/crypto.ts';
import { isUniqueViolation } from '../platform/db/pg-errors.ts';
import type { Deps } from '../platform/deps.ts';
import { iso } from '../platform/dto.ts';
import { ShortCache } from '../platform/short-cache.ts';
import { isCountry } from '../customers/phone.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { countWorkspaces, findWorkspaceById, findWorkspaceBySlug, insertWorkspace, lockSetup, type Db } from './workspaces.repository.ts';

export interface CreatedWorkspace {
  orgId: number;
  adminId: number;
}

/** Creates a workspace with its seeded categories, ticket number sequence and first admin. */
export async function createWorkspace(
  deps: Deps,
  input: CreateWorkspaceBody,
  options: { onlyIfFirst?: boolean } = {},
): Promise<CreatedWorkspace> {
  // Hash before the transaction: nothing slow may hold a transaction open.
  const passwordHash = await hashPassword(input.admin.password);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (options.onlyIfFirst) {
        await lockSetup(trx);
        if ((await countWorkspaces(trx)) > 0) throw new AppError('conflict', 'Setup is already done: a workspace exists');
      }
      const now = deps.clock.now();
      const orgId = await insertWorkspace(trx, { slug: input.slug, name: input.name, created_at: now, updated_at: now });
      const adminId = await insertAgent(trx, orgId, {
        name: input.admin.name,
        email: input.admin.email,
        role: 'admin',
        password_hash: passwordHash,
        created_at: now,
        updated_at: now,
      });
      return { orgId, adminId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `The workspace slug "${input.slug}" is taken`);
    throw error;
  }
}

export const isSetupNeeded = async (db: Db) => (await countWorkspaces(db)) === 0;

/** The channels that take new tickets: every channel the admin has not turned off. */
export const channelsEnabled = (w: { channels_off: string[] }) => channels.filter((c) => !w.channels_off.includes(c));

function toSettings(w: Workspace): Settings {
  return {
    slug: w.slug,
    name: w.name,
    logo_url: w.logo_url,
    time_zone: w.time_zone,
    default_language: w.default_language as Settings['default_language'],
    public_url: w.public_url,
    auto_close_after_seconds: w.auto_close_after_seconds,
    ticket_number_prefix: w.ticket_number_prefix,
    ticket_number_padding: w.ticket_number_padding,
    sender_name: w.sender_name,
    sender_email: w.sender_email,
    default_country: w.default_country,
    verification_channels: w.verification_channels as Settings['verification_channels'],
    channels_enabled: channelsEnabled(w),
    created_at: iso(w.created_at),
  };
}

export type Workspace = NonNullable<Awaited<ReturnType<typeof findWorkspaceById>>>;

// Ticket creates and day filters read the number format and time zone on every request.
const workspaces = new ShortCache<number, Workspace>(5_000);

/** The workspace row, cached briefly; a settings change made here shows at once. */
/** The workspace, cached per database; `db` may be the caller's transaction (on PGlite, its only connection). */
export async function getWorkspace(deps: Deps, orgId: number, db: Db = deps.db): Promise<Workspace> {
  const w = await workspaces.read(deps.db, orgId, () => findWorkspaceById(db, orgId));
  if (!w) throw notFound('Workspace');
  return w;
}

// A workspace's slug never changes: the portal's URLs name it on every request.
const slugs = new ShortCache<string, number>(60_000);

/** The workspace a portal URL names, cached like getWorkspace; undefined when there is none. */
export async function findWorkspaceForSlug(deps: Deps, slug: string): Promise<Workspace | undefined> {
  const orgId = await slugs.read(deps.db, slug, async () => (await findWorkspaceBySlug(deps.db, slug))?.org_id);
  return orgId === undefined ? undefined : getWorkspace(deps, orgId).catch(() => undefined);
}

/** The country whose numbering local phone numbers are read in (null: only numbers with their country code). */
export const workspaceCountry = async (deps: Deps, orgId: number): Promise<string | null> => (await getWorkspace(deps, orgId)).default_country;

export async function getSettings(deps: Deps, orgId: number): Promise<Settings> {
  const w = await findWorkspaceById(deps.db, orgId);
  if (!w) throw notFound('Workspace');
  return toSettings(w);
}

export async function updateSettings(deps: Deps, orgId: number, changes: PatchSettingsBody): Promise<Settings> {
  if (changes.default_country && !isCountry(changes.default_country)) {
    throw new AppError('validation_error', `Unknown country ${changes.default_country}`, [{ field: 'body.default_country', message: 'not a country code libphonenumber knows' }]);
  }
  const { channels_enabled: enabled, ...columns } = changes;
  await deps.db
    .updateTable('workspaces')
    .set({ ...columns, ...(enabled ? { channels_off: channels.filter((c) => !enabled.includes(c)) } : {}), updated_at: deps.clock.now() })
    .where('org_id', '=', orgId)
    .execute();
  workspaces.delete(deps.db, orgId);
  return getSettings(deps, orgId);
}
