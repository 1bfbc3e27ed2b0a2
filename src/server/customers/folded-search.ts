import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
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
