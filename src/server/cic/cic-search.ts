import type { z } from 'zod';
import type { CicHit, cicSearchQuery } from '../../contract/cic.ts';
import { parseSearchTerm } from '../customers/folded-search.ts';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../platform/http/cursor.ts';
import { searchCustomerHits, searchCustomerUserHits } from './cic.repository.ts';

type Kind = CicHit['kind'];

const malformed = () =>
  new AppError('validation_error', 'Malformed cursor: pass next_cursor from a previous page of the same search unchanged', [
    { field: 'querystring.cursor', message: 'malformed cursor' },
  ]);

function readCursor(cursor: string): { kind: Kind; afterId: number } {
  const [kind, afterId] = decodeCursor(cursor);
  if ((kind !== 'customer' && kind !== 'customer_user') || !Number.isSafeInteger(afterId)) throw malformed();
  return { kind, afterId };
}

/**
 * Customers and customer users in one list: customers first, then customer users, each by id.
 * The cursor names the kind and id of the last hit, so a page may end inside either part.
 */
export async function searchCic(deps: Deps, orgId: number, query: z.infer<typeof cicSearchQuery>): Promise<{ items: CicHit[]; next_cursor: string | null }> {
  const term = await parseSearchTerm(deps, orgId, query.search);
  const at = query.cursor ? readCursor(query.cursor) : { kind: 'customer' as const, afterId: 0 };
  const { limit } = query;
  const items: CicHit[] = [];
  let lastCustomerId = at.kind === 'customer' ? at.afterId : null;
  if (at.kind === 'customer') {
    const customers = await searchCustomerHits(deps.db, orgId, term, limit, at.afterId);
    const shown = customers.slice(0, limit);
    items.push(...shown.map((c): CicHit => ({ kind: 'customer', id: c.id, name: c.name, customer_code: c.customer_code })));
    if (customers.length > limit) return { items, next_cursor: encodeCursor('customer', shown[shown.length - 1].id) };
    if (shown.length) lastCustomerId = shown[shown.length - 1].id;
  }
  // With the page full of customers, one more row still says whether customer users follow.
  const room = limit - items.length;
  const users = await searchCustomerUserHits(deps.db, orgId, term, room, at.kind === 'customer_user' ? at.afterId : 0);
  const shownUsers = users.slice(0, room);
  items.push(
    ...shownUsers.map(
      (u): CicHit => ({
        kind: 'customer_user',
        id: u.id,
        name: u.name,
        email: u.email,
        phone: u.phone,
        customer: u.customer_id !== null && u.customer_name !== null ? { id: u.customer_id, name: u.customer_name } : null,
        valid: u.is_valid,
      }),
    ),
  );
  if (users.length <= room) return { items, next_cursor: null };
  const next = shownUsers.length ? encodeCursor('customer_user', shownUsers[shownUsers.length - 1].id) : encodeCursor('customer', lastCustomerId ?? 0);
  return { items, next_cursor: next };
}
