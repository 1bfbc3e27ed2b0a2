import type { Db } from '../workspaces/workspaces.repository.ts';

export const findPreference = (db: Db, orgId: number, agentId: number, key: string) =>
  db
    .selectFrom('agent_preferences')
    .select(['value', 'updated_at'])
    .where('org_id', '=', orgId)
    .where('agent_id', '=', agentId)
    .where('key', '=', key)
    .executeTakeFirst();

/** Stores the agent's value under the key, replacing what was there. */
export const upsertPreference = (db: Db, orgId: number, agentId: number, key: string, value: unknown, now: Date) =>
  db
    .insertInto('agent_preferences')
    .values({ org_id: orgId, agent_id: agentId, key, value: JSON.stringify(value), updated_at: now })
    .onConflict((oc) => oc.columns(['org_id', 'agent_id', 'key']).doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
    .returning(['value', 'updated_at'])
    .executeTakeFirstOrThrow();
