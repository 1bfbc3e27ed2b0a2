import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';

/** Names of a workspace's agents, departments and categories: few rows, read on every ticket. */
export interface NameBook {
  agents: Map<number, string>;
  departments: Map<number, string>;
  categories: Map<number, string>;
}

// A rename made by another process shows after this long at most; one made here, at once.
const TTL_MS = 5_000;

interface Entry {
  book: NameBook;
  loadedAt: number;
}

// One cache per database, so servers over different databases in one process never mix.
const caches = new WeakMap<Kysely<DB>, Map<number, Entry>>();

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
export async function namesFor(root: Kysely<DB>, db: Db, orgId: number, needed: NeededNames, nowMs = Date.now()): Promise<NameBook> {
  let perOrg = caches.get(root);
  if (!perOrg) {
    perOrg = new Map();
    caches.set(root, perOrg);
  }
  const entry = perOrg.get(orgId);
  if (entry && nowMs - entry.loadedAt < TTL_MS && covers(entry.book, needed)) return entry.book;
  const book = await loadNames(db, orgId);
  perOrg.set(orgId, { book, loadedAt: nowMs });
  return book;
}

/** Called by every change to an agent, department or category name. */
export function forgetNames(root: Kysely<DB>, orgId: number): void {
  caches.get(root)?.delete(orgId);
}
