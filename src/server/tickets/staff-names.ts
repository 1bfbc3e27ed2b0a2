import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { ShortCache } from '../platform/short-cache.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

/** Names of a workspace's agents, departments and categories: few rows, read on every ticket. */
export interface NameBook {
  agents: Map<number, string>;
  departments: Map<number, string>;
  categories: Map<number, string>;
}

// A rename made by another process shows after this long at most; one made here, at once.
const books = new ShortCache<number, NameBook>(5_000);

async function loadNames(db: Db, orgId: number): Promise<NameBook> {
  const rows = await sql<{ kind: 'a' | 'd' | 'c'; id: number; name: string }>`
    select 'a' as kind, id, name from agents where org_id = ${orgId}
    union all select 'd', id, name from departments where org_id = ${orgId}
    union all select 'c', id, name from categories where org_id = ${orgId}`.execute(db);
  const book: NameBook = { agents: new Map(), departments: new Map(), categories: new Map() };
  const into = { a: book.agents, d: book.departments, c: book.categories };
  for (const r of rows.rows) into[r.kind].set(Number(r.id), r.name);
  return book;
}

export interface NeededNames {
  agents: (number | null)[];
  departments: (number | null)[];
  categories: (number | null)[];
}

const covers = (book: NameBook, needed: NeededNames) =>
  needed.agents.every((id) => id === null || book.agents.has(id)) &&
  needed.departments.every((id) => id === null || book.departments.has(id)) &&
  needed.categories.every((id) => id === null || book.categories.has(id));

/**
 * The workspace's name book, reloaded when older than the TTL or missing an id that is needed
 * (a row made by another process). `db` may be a transaction; `root` keys the cache.
 */
export async function namesFor(root: Kysely<DB>, db: Db, orgId: number, needed: NeededNames): Promise<NameBook> {
  const cached = books.get(root, orgId);
  if (cached && covers(cached, needed)) return cached;
  const book = await loadNames(db, orgId);
  books.set(root, orgId, book);
  return book;
}

/** Called by every change to an agent, department or category name. */
export function forgetNames(root: Kysely<DB>, orgId: number): void {
  books.delete(root, orgId);
}
