import type { Db } from '../workspaces/workspaces.repository.ts';

type SourceChannel = 'marketplace' | 'review';

export const listSourceRows = (db: Db, orgId: number, channel: SourceChannel | undefined, includeRetired: boolean) =>
  db
    .selectFrom('ticket_sources')
    .select(['channel', 'key', 'label', 'position', 'retired_at'])
    .where('org_id', '=', orgId)
    .$if(channel !== undefined, (q) => q.where('channel', '=', channel!))
    .$if(!includeRetired, (q) => q.where('retired_at', 'is', null))
    .orderBy('channel')
    .orderBy('position')
    .orderBy('key')
    .execute();

export const findSourceRow = (db: Db, orgId: number, channel: SourceChannel, key: string) =>
  db
    .selectFrom('ticket_sources')
    .select(['channel', 'key', 'label', 'position', 'retired_at'])
    .where('org_id', '=', orgId)
    .where('channel', '=', channel)
    .where('key', '=', key)
    .executeTakeFirst();

/** Adds the source at the end of its list; nothing when it exists (another request added it first). */
export const insertSourceIfNew = (db: Db, orgId: number, channel: SourceChannel, key: string, label: string) =>
  db
    .insertInto('ticket_sources')
    .columns(['org_id', 'channel', 'key', 'label', 'position'])
    .expression((eb) =>
      eb
        .selectFrom('workspaces')
        .select((s) => [
          s.val(orgId).as('org_id'),
          s.val(channel).as('channel'),
          s.val(key).as('key'),
          s.val(label).as('label'),
          s
            .selectFrom('ticket_sources')
            .select((x) => x.fn.coalesce(x(x.fn.max('position'), '+', 1), x.lit(0)).as('p'))
            .where('org_id', '=', orgId)
            .where('channel', '=', channel)
            .as('position'),
        ])
        .where('org_id', '=', orgId),
    )
    .onConflict((oc) => oc.doNothing())
    .returning(['channel', 'key', 'label', 'position', 'retired_at'])
    .executeTakeFirst();

export const updateSourceRow = (db: Db, orgId: number, channel: SourceChannel, key: string, changes: { label?: string; position?: number; retired_at?: Date | null }) =>
  db
    .updateTable('ticket_sources')
    .set(changes)
    .where('org_id', '=', orgId)
    .where('channel', '=', channel)
    .where('key', '=', key)
    .returning(['channel', 'key', 'label', 'position', 'retired_at'])
    .executeTakeFirst();

export const seedSources = (db: Db, orgId: number, seeded: readonly { channel: SourceChannel; key: string; label: string }[]) =>
  db
    .insertInto('ticket_sources')
    .values(seeded.map((s, i) => ({ org_id: orgId, channel: s.channel, key: s.key, label: s.label, position: i })))
    .execute();
