import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../workspaces/workspaces.repository.ts';
import type { Actor } from './actor.ts';
import { sha256 } from './crypto.ts';
import { isUniqueViolation } from './db/pg-errors.ts';
import { AppError } from './errors.ts';
import { findIdempotentResponse, saveIdempotentResponse } from './idempotency.repository.ts';

export const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }).passthrough();

export interface Idempotency {
  key: string;
  requestHash: string;
}

/** The request's Idempotency-Key, scoped to its caller: two integrations using order ids as keys must not collide. */
export function idempotencyOf(request: FastifyRequest, actor: Actor, route: string): Idempotency | undefined {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string') return undefined;
  const caller = actor.kind === 'agent' ? `agent:${actor.agentId}` : `key:${actor.apiKeyId}`;
  // Ticket creates predate the route part; their stored keys stay valid.
  const scope = route === 'tickets' ? caller : `${caller}:${route}`;
  return { key: `${scope}:${key}`, requestHash: sha256(JSON.stringify(request.body)) };
}

export interface Answer<T> {
  status: number;
  body: T;
}

function replayOf<T>(stored: { request_hash: string; status_code: number; response: unknown }, idempotency: Idempotency): Answer<T> & { replayed: true } {
  if (stored.request_hash !== idempotency.requestHash) {
    throw new AppError('unprocessable', 'This Idempotency-Key was used with a different request', { key: idempotency.key });
  }
  return { status: stored.status_code, body: stored.response as T, replayed: true };
}

/**
 * Runs a write in one transaction; with an idempotency key, a repeat of the same request answers
 * the first answer and writes nothing, also when the two race (the second's key insert waits for
 * the first and fails, and the first's stored answer is read). A unique violation of the write
 * itself (a number taken, an external id sent twice at once) runs it again: the retry sees the
 * winner's rows.
 */
export async function runIdempotent<T>(db: Db, orgId: number, idempotency: Idempotency | undefined, run: (trx: Db) => Promise<Answer<T>>): Promise<Answer<T> & { replayed: boolean }> {
  if (idempotency) {
    const stored = await findIdempotentResponse(db, orgId, idempotency.key);
    if (stored) return replayOf<T>(stored, idempotency);
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(async (trx) => {
        const answer = await run(trx);
        if (idempotency) await saveIdempotentResponse(trx, orgId, idempotency.key, idempotency.requestHash, answer.status, answer.body);
        return { ...answer, replayed: false };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const stored = idempotency && (await findIdempotentResponse(db, orgId, idempotency.key));
      if (stored && idempotency) return replayOf<T>(stored, idempotency);
      if (attempt >= 3) throw error;
    }
  }
}
