import type { Db } from '../workspaces/workspaces.repository.ts';

const columns = ['id', 'name', 'prefix', 'scopes', 'created_at', 'last_used_at', 'revoked_at'] as const;

export const listApiKeys = (db: Db, orgId: number) =>
  db.selectFrom('api_keys').select(columns).where('org_id', '=', orgId).orderBy('id').execute();

export const insertApiKey = (db: Db, orgId: number, input: { name: string; scopes: string[]; key_hash: string; prefix: string; created_by: number; created_at: Date }) =>
  db.insertInto('api_keys').values({ org_id: orgId, ...input }).returning(columns).executeTakeFirstOrThrow();

export const revokeApiKey = (db: Db, orgId: number, id: number, now: Date) =>
  db
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(columns)
    .executeTakeFirst();

export const findApiKey = (db: Db, orgId: number, id: number) =>
  db.selectFrom('api_keys').select([...columns, 'key_hash']).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();

export const touchApiKey = (db: Db, orgId: number, id: number, now: Date) =>
  db.updateTable('api_keys').set({ last_used_at: now }).where('org_id', '=', orgId).where('id', '=', id).execute();

export const setApiKeyPrefix = (db: Db, orgId: number, id: number, prefix: string) =>
  db.updateTable('api_keys').set({ prefix }).where('org_id', '=', orgId).where('id', '=', id).execute();

export const updateApiKey = (db: Db, orgId: number, id: number, changes: { name?: string; scopes?: string[] }) =>
  db.updateTable('api_keys').set(changes).where('org_id', '=', orgId).where('id', '=', id).where('revoked_at', 'is', null).returning(columns).executeTakeFirst();
