import { phoneSearchTerm } from './phone.ts';

/**
 * The Customer Information Center's search rules: at least two characters, `*` is a wildcard
 * anywhere, `**` alone lists everything. Without a `*` the term matches anywhere in the field.
 */
export type WildcardSearch = { kind: 'all' } | { kind: 'pattern'; like: string } | { kind: 'too_short' };

/** The text as a LIKE pattern matches it literally: `%`, `_` and `\\` escaped. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function parseWildcard(input: string): WildcardSearch {
  const term = input.trim();
  if (term === '**') return { kind: 'all' };
  if (term.replace(/\*/g, '').length < 2) return { kind: 'too_short' };
  const collapsed = term.replace(/\*{2,}/g, '*');
  const like = collapsed.includes('*') ? collapsed.split('*').map(escapeLike).join('%') : `%${escapeLike(collapsed)}%`;
  return { kind: 'pattern', like };
}

/**
 * The same search for phone numbers, on their normalized form: `+62 812*` finds +62812…
 * Null when the term has fewer than two digits (it is not a phone search).
 */
export function parsePhoneWildcard(input: string, country?: string | null): string | null {
  if (input.trim() === '**') return null;
  const term = phoneSearchTerm(input, country);
  const parsed = term === null ? null : parseWildcard(term);
  return parsed?.kind === 'pattern' ? parsed.like : null;
}
