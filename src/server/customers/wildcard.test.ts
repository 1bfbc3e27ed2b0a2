import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWildcard } from './wildcard.ts';

// ---------------------------------------------------------------------------------------------
// An independent model of SQL ILIKE (backslash escapes, % any run, _ one character), so the
// patterns parseWildcard produces are checked by what they match, not by how they are spelled.
// ---------------------------------------------------------------------------------------------
function ilike(value: string, pattern: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      i += 1;
      re += pattern[i].replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    } else if (ch === '%') re += '[\\s\\S]*';
    else if (ch === '_') re += '[\\s\\S]';
    else re += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'iu').test(value);
}

/** What the CIC rules say a search term matches (DESIGN.md §3), written without LIKE. */
function specMatches(term: string, value: string): boolean {
  const t = term.trim().toLowerCase();
  const v = value.toLowerCase();
  if (!t.includes('*')) return v.includes(t);
  const parts = t.split('*');
  // Anchored glob: first part is a prefix, last part a suffix, the middle parts in order.
  if (!v.startsWith(parts[0])) return false;
  let at = parts[0].length;
  for (const part of parts.slice(1, -1)) {
    const found = v.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  const last = parts[parts.length - 1];
  return v.length - last.length >= at && v.endsWith(last);
}

// Characters that matter to LIKE and to the rules, plus ordinary letters.
const searchChar = fc.constantFrom('a', 'b', 'C', '1', '@', '.', '+', ' ', '%', '_', '\\', '*', 'é');
const term = fc.string({ unit: searchChar, minLength: 0, maxLength: 8 });
const value = fc.string({ unit: searchChar, minLength: 0, maxLength: 12 });

describe('parseWildcard', () => {
  it('lists everything for ** (and ignores surrounding spaces)', () => {
    expect(parseWildcard('**')).toEqual({ kind: 'all' });
    expect(parseWildcard('  **  ')).toEqual({ kind: 'all' });
  });

  it('refuses terms shorter than two characters, * not counted', () => {
    for (const t of ['', ' ', 'a', ' a ', '*a', 'a*', '*a*', '**a']) expect(parseWildcard(t), JSON.stringify(t)).toEqual({ kind: 'too_short' });
  });

  it('refuses a lone * like any other one-character term (DESIGN.md §3: at least 2 characters, ** lists all)', () => {
    expect(parseWildcard('*')).toEqual({ kind: 'too_short' });
  });

  it('turns the documented examples into the expected patterns', () => {
    expect(parseWildcard('ac*')).toEqual({ kind: 'pattern', like: 'ac%' });
    expect(parseWildcard('*@example.com')).toEqual({ kind: 'pattern', like: '%@example.com' });
    expect(parseWildcard('+62*')).toEqual({ kind: 'pattern', like: '+62%' });
    expect(parseWildcard('budi')).toEqual({ kind: 'pattern', like: '%budi%' });
    expect(parseWildcard('a**b')).toEqual({ kind: 'pattern', like: 'a%b' });
  });

  it('escapes LIKE metacharacters so they match themselves', () => {
    const like = (t: string) => {
      const parsed = parseWildcard(t);
      if (parsed.kind !== 'pattern') throw new Error(`expected a pattern for ${t}`);
      return parsed.like;
    };
    expect(ilike('Maria', like('_a'))).toBe(false);
    expect(ilike('x_ay', like('_a'))).toBe(true);
    expect(ilike('50 off', like('5%'))).toBe(false);
    expect(ilike('got 5% off', like('5%'))).toBe(true);
    expect(ilike('a\\b', like('a\\b'))).toBe(true);
    expect(ilike('ab', like('a\\b'))).toBe(false);
  });

  it('too_short exactly when fewer than two non-* characters remain (** aside)', () => {
    fc.assert(
      fc.property(term, (t) => {
        const parsed = parseWildcard(t);
        const trimmed = t.trim();
        if (trimmed === '**') return parsed.kind === 'all';
        fc.pre(trimmed !== '*'); // the lone * has its own test above
        const meaningful = trimmed.replace(/\*/g, '').length;
        return (parsed.kind === 'too_short') === meaningful < 2;
      }),
      { numRuns: 2000 },
    );
  });

  it('the pattern matches exactly what the rules say (substring without *, anchored glob with *)', () => {
    fc.assert(
      fc.property(term, value, (t, v) => {
        const parsed = parseWildcard(t);
        fc.pre(parsed.kind === 'pattern');
        if (parsed.kind !== 'pattern') return true;
        return ilike(v, parsed.like) === specMatches(t, v);
      }),
      { numRuns: 5000, examples: [['b%', 'b%a'], ['x_*', 'x_yz'], ['*\\', 'a\\']] },
    );
  });

  it('a value always matches a term cut from it', () => {
    fc.assert(
      fc.property(value, fc.nat(), fc.nat(), (v, a, b) => {
        const clean = v.replace(/\*/g, '');
        const start = a % (clean.length + 1);
        const cut = clean.slice(start, start + 2 + (b % 5));
        fc.pre(cut.trim().length >= 2);
        const parsed = parseWildcard(cut);
        return parsed.kind === 'pattern' && ilike(clean, parsed.like);
      }),
      { numRuns: 2000, examples: [['a%a', 0, 0]] },
    );
  });
});
