/**
 * The Customer Information Center's search rules: at least two characters, `*` is a wildcard
 * anywhere, `**` alone lists everything. Without a `*` the term matches anywhere in the field.
 */
export type WildcardSearch = { kind: 'all' } | { kind: 'pattern'; like: string } | { kind: 'too_short' };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function parseWildcard(input: string): WildcardSearch {
  const term = input.trim();
  if (term === '**') return { kind: 'all' };
  if (term.replace(/\*/g, '').length < 2) return { kind: 'too_short' };
  const collapsed = term.replace(/\*{2,}/g, '*');
  const like = collapsed.includes('*') ? collapsed.split('*').map(escapeLike).join('%') : `%${escapeLike(collapsed)}%`;
  return { kind: 'pattern', like };
}

/** Phone numbers are matched on digits only, keeping a leading +. */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}
