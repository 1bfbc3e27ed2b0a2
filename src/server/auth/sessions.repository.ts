import type { Db } from '../workspaces/workspaces.repository.ts';

export async function insertSession(db: Db, orgId: number, agentId: number, tokenHash: string, expiresAt: Date, now: Date): Promise<number> {
  const row = await db
    .insertInto('sessions')
    .values({ org_id: orgId, agent_id: agentId, token_hash: tokenHash, expires_at: expiresAt, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const findLiveSession = (db: Db, orgId: number, id: number, now: Date) =>
  db
    .selectFrom('sessions')
    .innerJoin('agents', (j) => j.onRef('agents.org_id', '=', 'sessions.org_id').onRef('agents.id', '=', 'sessions.agent_id'))
    .select(['sessions.token_hash', 'sessions.expires_at', 'agents.id as agent_id', 'agents.name', 'agents.role'])
    .where('sessions.org_id', '=', orgId)
    .where('sessions.id', '=', id)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('agents.is_active', '=', true)
    .executeTakeFirst();

export const revokeSession = (db: Db, orgId: number, id: number, now: Date) =>
  db.updateTable('sessions').set({ revoked_at: now }).where('org_id', '=', orgId).where('id', '=', id).execute();

export const revokeAgentSessions = (db: Db, orgId: number, agentId: number, now: Date) =>
  db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('agent_id', '=', agentId)
    .where('revoked_at', 'is', null)
    .execute();
