import type { Db } from '../workspaces/workspaces.repository.ts';

export const findIdempotentResponse = (db: Db, orgId: number, key: string) =>
  db.selectFrom('idempotency_keys').select(['request_hash', 'status_code', 'response']).where('org_id', '=', orgId).where('key', '=', key).executeTakeFirst();

export const saveIdempotentResponse = (db: Db, orgId: number, key: string, requestHash: string, statusCode: number, response: unknown) =>
  db
    .insertInto('idempotency_keys')
    .values({ org_id: orgId, key, request_hash: requestHash, status_code: statusCode, response: JSON.stringify(response) })
    .execute();
