import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { ReviewsTable } from '../platform/db/schema.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

const reviewColumns = ['id', 'platform', 'external_id', 'location', 'rating', 'author', 'body', 'url', 'reviewed_at', 'ticket_id', 'edits'] as const;
export type ReviewRow = Awaited<ReturnType<typeof lockReview>> & {};

/** Inserts the review unless (platform, external id) is stored; a concurrent insert of it is waited for, then nothing. */
export const insertReviewIfNew = (db: Db, values: Insertable<ReviewsTable>) =>
  db.insertInto('reviews').values(values).onConflict((oc) => oc.doNothing()).returning(reviewColumns).executeTakeFirst();

export const lockReview = (db: Db, orgId: number, platform: string, externalId: string) =>
  db
    .selectFrom('reviews')
    .select(reviewColumns)
    .where('org_id', '=', orgId)
    .where('platform', '=', platform)
    .where('external_id', '=', externalId)
    .forUpdate()
    .executeTakeFirstOrThrow();

export const updateReview = (db: Db, orgId: number, id: number, changes: Updateable<ReviewsTable>) =>
  db
    .updateTable('reviews')
    .set(changes)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returning(reviewColumns)
    .executeTakeFirstOrThrow();

export async function readReviewRules(db: Db, orgId: number) {
  const workspace = await db.selectFrom('workspaces').select(['review_max_rating', 'review_keywords']).where('org_id', '=', orgId).executeTakeFirstOrThrow();
  const locations = await db
    .selectFrom('review_locations as l')
    .innerJoin('departments as d', (j) => j.onRef('d.org_id', '=', 'l.org_id').onRef('d.id', '=', 'l.department_id'))
    .select(['l.location', 'l.department_id', 'd.name as department_name'])
    .where('l.org_id', '=', orgId)
    .orderBy(sql`lower(l.location)`)
    .execute();
  return { ...workspace, locations };
}

/** Replaces the rules in the caller's transaction. */
export async function writeReviewRules(db: Db, orgId: number, maxRating: number, keywords: string[], locations: { location: string; department_id: number }[], now: Date) {
  await db.updateTable('workspaces').set({ review_max_rating: maxRating, review_keywords: keywords, updated_at: now }).where('org_id', '=', orgId).execute();
  await db.deleteFrom('review_locations').where('org_id', '=', orgId).execute();
  if (locations.length) await db.insertInto('review_locations').values(locations.map((l) => ({ org_id: orgId, ...l }))).execute();
}

export const findExistingDepartmentIds = async (db: Db, orgId: number, ids: number[]) =>
  new Set(ids.length ? (await db.selectFrom('departments').select('id').where('org_id', '=', orgId).where('id', 'in', ids).execute()).map((d) => d.id) : []);
