import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';

export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

/**
 * Fixed-window counter kept in the database, so every process behind one PostgreSQL shares it.
 * Counts the hit and throws 429 with Retry-After once the window holds more than `max`.
 */
export async function hitRateLimit(db: Kysely<DB>, limit: Limit, now: Date): Promise<void> {
  const row = await sql<{ hits: number; window_started_at: Date }>`
    insert into rate_limits (key, window_started_at, hits) values (${limit.key}, ${now}, 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_started_at <= ${now}::timestamptz - make_interval(secs => ${limit.windowSeconds})
                  then 1 else rate_limits.hits + 1 end,
      window_started_at = case when rate_limits.window_started_at <= ${now}::timestamptz - make_interval(secs => ${limit.windowSeconds})
                  then ${now} else rate_limits.window_started_at end
    returning hits, window_started_at`.execute(db);
  const { hits, window_started_at } = row.rows[0];
  if (hits > limit.max) {
    const retryAfter = Math.max(1, Math.ceil((window_started_at.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000));
    throw new AppError('rate_limited', `Too many attempts; try again in ${retryAfter} seconds`, undefined, {
      'retry-after': String(retryAfter),
    });
  }
}

export async function peekRateLimit(db: Kysely<DB>, limit: Limit, now: Date): Promise<void> {
  const row = await db.selectFrom('rate_limits').select(['hits', 'window_started_at']).where('key', '=', limit.key).executeTakeFirst();
  if (!row) return;
  const ends = row.window_started_at.getTime() + limit.windowSeconds * 1000;
  if (row.hits >= limit.max && ends > now.getTime()) {
    const retryAfter = Math.max(1, Math.ceil((ends - now.getTime()) / 1000));
    throw new AppError('rate_limited', `Too many attempts; try again in ${retryAfter} seconds`, undefined, {
      'retry-after': String(retryAfter),
    });
  }
}
