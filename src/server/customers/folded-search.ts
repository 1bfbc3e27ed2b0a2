import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import type { Db } from '../workspaces/workspaces.repository.ts';
import { workspaceCountry } from '../workspaces/workspaces.service.ts';
import { parsePhoneWildcard, parseWildcard } from './wildcard.ts';

/** A wildcard search as its pieces between `*`s (matched folded) and its phone form; null lists everything. */
export type SearchTerm = { pieces: string[]; phoneLike: string | null } | null;

const tooShort = () =>
  new AppError('validation_error', 'Search needs at least 2 characters other than *: * is a wildcard anywhere (ac*, *@example.com); ** alone lists all', [
    { field: 'querystring.search', message: 'at least 2 characters other than *; ** lists all', rule: 'too_short' },
  ]);

/**
 * The Customer Information Center's search rules (parseWildcard): at least two characters, `*`
 * anywhere, `**` alone for everything; input made of `*` only is too short, never a scan of every
 * row. A term with two digits is also a phone search, read in the workspace's country.
 */
export async function parseSearchTerm(deps: Deps, orgId: number, search: string | undefined): Promise<SearchTerm> {
  if (search === undefined) return null;
  const parsed = parseWildcard(search);
  if (parsed.kind === 'too_short') throw tooShort();
  if (parsed.kind === 'all') return null;
  const term = search.trim().replace(/\*{2,}/g, '*');
  const pieces = term.includes('*') ? term.split('*') : ['', term, ''];
  const digits = (search.match(/\d/g) ?? []).length;
  const phoneLike = digits >= 2 ? parsePhoneWildcard(search, await workspaceCountry(deps, orgId)) : null;
  return { pieces, phoneLike };
}

// Folded first, escaped after: unaccent maps ＼ to \ and ％ to %, which must stay literal too.
const escapedFold = (piece: string) =>
  piece === '' ? sql<string>`''` : sql<string>`replace(replace(replace(caredesk_fold(${piece}), '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;

/** The LIKE pattern of the pieces, built from immutable functions only, so the planner folds it to a constant the trigram indexes use. */
export const foldedPattern = (pieces: string[]): RawBuilder<string> => sql<string>`(${sql.join(pieces.map(escapedFold), sql` || '%' || `)})`;

/** `column`, folded (lower case, no accents), matches the pattern; the *_fold trigram indexes serve it. */
export const foldedMatch = (column: string, pattern: RawBuilder<string>): Expression<SqlBool> => sql<SqlBool>`caredesk_fold(${sql.ref(column)}) like ${pattern}`;

/**
 * Whether pg_trgm takes a trigram from the LIKE pattern of `pieces` (joined by %), i.e. whether a
 * trigram index narrows the search at all. pg_trgm reads runs of letters and digits; a run gets
 * two blanks before it unless a % precedes it and one after unless a % follows, and gives a
 * trigram for every three characters of that. So `an*` and `*an` give trigrams, `*an*` none: every
 * row is a candidate then.
 */
export function hasTrigrams(pieces: string[]): boolean {
  return pieces.some((piece, i) =>
    [...piece.matchAll(/[\p{L}\p{N}]+/gu)].some((run) => {
      const before = run.index > 0 || i === 0 ? 2 : 0;
      const after = run.index + run[0].length < piece.length || i === pieces.length - 1 ? 1 : 0;
      return [...run[0]].length + before + after >= 3;
    }),
  );
}

/** What a search reads in each table: columns matched folded (each with a trigram index on caredesk_fold) and the phone, matched as stored (a trigram index too). */
const searched = {
  customers: { folded: ['name', 'customer_code'], phone: null },
  customer_users: { folded: ['name', 'email', 'loyalty_id'], phone: 'phone_normalized' },
} as const;
export type SearchedTable = keyof typeof searched;

type Term = NonNullable<SearchTerm>;

/** The term matches a row of `table`, named `alias` in the query: any folded column, or the phone. */
export function termMatch(table: SearchedTable, alias: string, term: Term): Expression<SqlBool> {
  const pattern = foldedPattern(term.pieces);
  const { folded, phone } = searched[table];
  const matches = folded.map((column) => foldedMatch(`${alias}.${column}`, pattern));
  if (phone && term.phoneLike) matches.push(sql<SqlBool>`${sql.ref(`${alias}.${phone}`)} like ${term.phoneLike}`);
  return sql<SqlBool>`(${sql.join(matches, sql` or `)})`;
}

/** Whether the trigram indexes narrow the term's matches in `table`: its folded pattern and its phone pattern (digits, + and %, so it splits without unescaping) both give trigrams. */
function isIndexed(table: SearchedTable, term: Term): boolean {
  const phoneLike = searched[table].phone ? term.phoneLike : null;
  return hasTrigrams(term.pieces) && (phoneLike === null || hasTrigrams(phoneLike.split('%')));
}

/**
 * Rows a search first tests in id order after the cursor. A term common enough to fill the page
 * among them (one row in 24 for a page of 20, one in 55 for a page of 8) costs no more than in
 * the walk the planner would choose, and never reads the indexes, which would cost it more. A
 * rarer term pays about a millisecond for them on PostgreSQL.
 */
export const walkWindow = 500;

/**
 * Matches read from the trigram indexes before a term counts as common: reading them costs a few
 * milliseconds, and a term with more matches (2 % of 100,000 customer users), spread out, fills a
 * page within the first few thousand rows in id order; bunched in a few places, up to this many
 * are still found without a walk through the rest.
 */
export const indexReadCap = 2000;

/**
 * Which rows of `table` (named `alias` in the page's query) hold the first `limit + 1` matches
 * after `afterId`: a condition the page's query adds to its own (org, id > afterId, order by id,
 * limit + 1), so the page is the same whichever way its rows were found; null when no row matches.
 *
 * Left to itself the planner answers `ORDER BY id LIMIT n` by walking the primary key and testing
 * each row, and a term with few matches, or matches late in id order, tests tens of thousands of
 * rows. So the walk is tried on the first walkWindow rows only: a common term fills the page
 * there. Otherwise the trigram indexes are read: one lookup per column (a union, so a candidate is
 * checked against its own column only, not against the whole OR twice), stopped after `cap`
 * matches. Fewer: the page's rows are known by id. More: the term is common after all, and the
 * walk ends at the (limit + 1)-th match known by then. A term without trigrams (`*an*`) makes
 * every row a candidate in the indexes: only the walk serves it.
 */
export async function searchFilter(
  db: Db,
  table: SearchedTable,
  alias: string,
  orgId: number,
  term: Term,
  limit: number,
  afterId: number,
  cap = indexReadCap,
): Promise<Expression<SqlBool> | null> {
  const walk = termMatch(table, alias, term);
  if (!isIndexed(table, term)) return walk;
  const { folded, phone } = searched[table];
  const id = sql.ref(`${alias}.id`);
  // Not matched again: a row edited between the two statements shows as edited, as it would a moment later.
  const listed = (ids: number[]) => sql<SqlBool>`${id} in (${sql.join(ids.slice(0, limit + 1))})`;

  const columns = sql.join([...folded, ...(phone ? [phone] : [])].map((c) => sql.ref(c)));
  const early = await sql<{ id: number | string }>`
    select id from (select id, ${columns} from ${sql.table(table)} where org_id = ${orgId} and id > ${afterId} order by id limit ${walkWindow}) as ${sql.ref(alias)}
    where ${walk} order by id limit ${limit + 1}`.execute(db);
  if (early.rows.length > limit) return listed(early.rows.map((r) => Number(r.id)));

  const pattern = foldedPattern(term.pieces);
  const lookup = (match: Expression<SqlBool>) => sql`select id from ${sql.table(table)} where org_id = ${orgId} and id > ${afterId} and ${match}`;
  const lookups = folded.map((column) => lookup(foldedMatch(column, pattern)));
  if (phone && term.phoneLike) lookups.push(lookup(sql<SqlBool>`${sql.ref(phone)} like ${term.phoneLike}`));
  const found = await sql<{ id: number | string }>`select id from (${sql.join(lookups, sql` union all `)}) as found limit ${cap}`.execute(db);
  // A row that matches in two columns is found twice.
  const ids = [...new Set(found.rows.map((r) => Number(r.id)))].sort((a, b) => a - b);
  if (found.rows.length < cap) return ids.length ? listed(ids) : null;
  // At least limit + 1 matches lie at or below the (limit + 1)-th one known, so the first limit + 1 do.
  const upTo = ids[limit];
  return upTo === undefined ? walk : sql<SqlBool>`${walk} and ${id} <= ${upTo}`;
}
