import type { z } from 'zod';
import type { putReviewRulesBody, ReviewBody, ReviewResult, reviewRules } from '../../contract/channel-intake.ts';
import type { CreateTicketBody, Ticket } from '../../contract/tickets.ts';
import type { TicketActor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { iso, isoOrNull } from '../platform/dto.ts';
import { AppError } from '../platform/errors.ts';
import { runIdempotent, type Answer, type Idempotency } from '../platform/idempotency.ts';
import { eventActorOf, recordEvents } from '../tickets/ticket-events.ts';
import { updateTicket } from '../tickets/tickets.repository.ts';
import { insertNewTicket, loadForChange, readBack } from '../tickets/tickets.service.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { getWorkspace, type Workspace } from '../workspaces/workspaces.service.ts';
import { decideReview, duplicateLocation, type ReviewDecision, type ReviewRules } from './review-rules.ts';
import { ShortCache } from '../platform/short-cache.ts';
import { findExistingDepartmentIds, insertReviewIfNew, lockReview, readReviewRules, updateReview, writeReviewRules, type ReviewRow } from './reviews.repository.ts';
import { registerReviewPlatform } from './sources.service.ts';

export async function getReviewRules(deps: Deps, orgId: number): Promise<z.infer<typeof reviewRules>> {
  const r = await readReviewRules(deps.db, orgId);
  return {
    max_rating: r.review_max_rating,
    keywords: r.review_keywords,
    locations: r.locations.map((l) => ({ location: l.location, department: { id: l.department_id, name: l.department_name } })),
  };
}

export async function putReviewRules(deps: Deps, orgId: number, input: z.infer<typeof putReviewRulesBody>): Promise<z.infer<typeof reviewRules>> {
  const twice = duplicateLocation(input.locations);
  if (twice >= 0) {
    throw new AppError('validation_error', `The location ${input.locations[twice].location} is listed twice`, [{ field: `body.locations.${twice}.location`, message: 'listed twice' }]);
  }
  const wanted = [...new Set(input.locations.map((l) => l.department))];
  await deps.db.transaction().execute(async (trx) => {
    const found = await findExistingDepartmentIds(trx, orgId, wanted);
    const missing = input.locations.findIndex((l) => !found.has(l.department));
    if (missing >= 0) {
      throw new AppError('not_found', `Unknown department: ${input.locations[missing].department}`, [{ field: `body.locations.${missing}.department`, message: 'no such department in this workspace' }]);
    }
    const keywords = [...new Set(input.keywords.map((k) => k.trim()))];
    await writeReviewRules(trx, orgId, input.max_rating, keywords, input.locations.map((l) => ({ location: l.location.trim(), department_id: l.department })), deps.clock.now());
  });
  rulesCache.delete(deps.db, orgId);
  return getReviewRules(deps, orgId);
}

// Read on every review; a change made here drops the entry, one made by another process shows within 5 s.
const rulesCache = new ShortCache<number, ReviewRules>(5_000);

async function decide(deps: Deps, trx: Db, orgId: number, review: { rating: number; body: string; location: string | null }): Promise<ReviewDecision> {
  const rules = await rulesCache.read(deps.db, orgId, async () => {
    const r = await readReviewRules(trx, orgId);
    return { maxRating: r.review_max_rating, keywords: r.review_keywords, locations: r.locations.map((l) => ({ location: l.location, departmentId: l.department_id })) };
  });
  return decideReview(rules!, { rating: review.rating, text: review.body, location: review.location });
}

const subjects = {
  en: (r: ReviewRow) => `${r.rating}★ review${r.author ? ` by ${r.author}` : ''} on ${r.platform}${r.location ? ` – ${r.location}` : ''}`,
  id: (r: ReviewRow) => `Ulasan ${r.rating}★${r.author ? ` dari ${r.author}` : ''} di ${r.platform}${r.location ? ` – ${r.location}` : ''}`,
};

const subjectOf = (workspace: Workspace, r: ReviewRow) => (workspace.default_language === 'id' ? subjects.id : subjects.en)(r).slice(0, 300);

async function openTicket(deps: Deps, trx: Db, actor: TicketActor, workspace: Workspace, review: ReviewRow, decision: Extract<ReviewDecision, { ticket: true }>, contact: ReviewBody, now: Date): Promise<Ticket> {
  const customer = contact.author_email || contact.author_phone ? { name: contact.author ?? contact.author_email ?? contact.author_phone!, email: contact.author_email, phone: contact.author_phone } : undefined;
  const input: CreateTicketBody = {
    subject: subjectOf(workspace, review),
    description: review.body,
    priority: 'medium',
    channel: 'review',
    source: review.platform,
    review_ref: `${review.platform}:${review.external_id}`.slice(0, 100),
    ...(decision.departmentId !== null ? { department: decision.departmentId } : {}),
    ...(customer ? { customer } : {}),
  };
  const because = decision.reason === 'keyword' ? { reason: 'keyword', keyword: decision.keyword } : { reason: 'rating' };
  const ticket = await insertNewTicket(deps, trx, actor, input, workspace, now, {
    columns: { review_rating: review.rating, review_url: review.url },
    created: { review: { platform: review.platform, external_id: review.external_id, rating: review.rating, ...because } },
  });
  await updateReview(trx, actor.orgId, review.id, { ticket_id: ticket.id });
  return ticket;
}

const toReview = (r: ReviewRow): ReviewResult['review'] => ({
  id: r.id,
  platform: r.platform,
  external_id: r.external_id,
  location: r.location,
  rating: r.rating,
  author: r.author,
  text: r.body,
  url: r.url,
  reviewed_at: isoOrNull(r.reviewed_at),
  edits: r.edits,
});

/** What of a stored review a re-sent one changes (rating, text, author, link, location, time). */
function reviewChanges(stored: ReviewRow, input: ReviewBody) {
  const next = { rating: input.rating, body: input.text, author: input.author ?? null, url: input.url ?? null, location: input.location ?? null, reviewed_at: input.reviewed_at ? iso(new Date(input.reviewed_at)) : null };
  const current = { rating: stored.rating, body: stored.body, author: stored.author, url: stored.url, location: stored.location, reviewed_at: isoOrNull(stored.reviewed_at) };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== current[k]);
  return { next, current, changed };
}

/**
 * Takes a review from an integration. A new review is stored and, when the workspace's rules say
 * so, opens a ticket in the same transaction. A re-sent one (same platform and external id) is
 * the same review: unchanged it answers as before; edited, it updates the review and its ticket
 * with a history event, or opens the ticket an edit now calls for.
 */
export async function receiveReview(deps: Deps, actor: TicketActor, input: ReviewBody, idempotency?: Idempotency): Promise<Answer<ReviewResult> & { replayed: boolean }> {
  const orgId = actor.orgId;
  const workspace = await getWorkspace(deps, orgId);
  const now = deps.clock.now();
  return runIdempotent<ReviewResult>(deps.db, orgId, idempotency, async (trx) => {
    await registerReviewPlatform(deps, trx, orgId, input.platform);
    const inserted = await insertReviewIfNew(trx, {
      org_id: orgId,
      platform: input.platform,
      external_id: input.external_id,
      location: input.location ?? null,
      rating: input.rating,
      author: input.author ?? null,
      body: input.text,
      url: input.url ?? null,
      reviewed_at: input.reviewed_at ?? null,
      received_at: now,
      updated_at: now,
    });
    if (inserted) {
      const decision = await decide(deps, trx, orgId, inserted);
      if (!decision.ticket) return { status: 201, body: { outcome: 'not_a_ticket', review: toReview(inserted), ticket: null } };
      const ticket = await openTicket(deps, trx, actor, workspace, inserted, decision, input, now);
      return { status: 201, body: { outcome: 'ticket_created', review: toReview({ ...inserted, ticket_id: ticket.id }), ticket } };
    }
    // Stored before (or by a retry racing this one, which the insert waited for): this is an update.
    const stored = await lockReview(trx, orgId, input.platform, input.external_id);
    const { next, current, changed } = reviewChanges(stored, input);
    const ticketOf = async () => (stored.ticket_id === null ? null : readBack(deps, trx, orgId, stored.ticket_id));
    if (changed.length === 0) return { status: 200, body: { outcome: 'unchanged', review: toReview(stored), ticket: await ticketOf() } };
    const review = await updateReview(trx, orgId, stored.id, { ...next, edits: stored.edits + 1, updated_at: now });
    if (stored.ticket_id === null) {
      const decision = await decide(deps, trx, orgId, review);
      if (!decision.ticket) return { status: 200, body: { outcome: 'review_updated', review: toReview(review), ticket: null } };
      const ticket = await openTicket(deps, trx, actor, workspace, review, decision, input, now);
      return { status: 201, body: { outcome: 'ticket_created', review: toReview({ ...review, ticket_id: ticket.id }), ticket } };
    }
    const number = (await ticketOf())!.number;
    const ticket = await loadForChange(trx, actor, number, undefined);
    await updateTicket(trx, orgId, ticket.id, { description: review.body, review_rating: review.rating, review_url: review.url }, now);
    const pick = (o: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k === 'body' ? 'text' : k, o[k]]));
    await recordEvents(trx, deps.config, orgId, ticket.id, eventActorOf(actor), [{ type: 'review_edited', before: pick(current), after: pick(next) }], now);
    return { status: 200, body: { outcome: 'ticket_updated', review: toReview(review), ticket: await readBack(deps, trx, orgId, ticket.id) } };
  });
}
