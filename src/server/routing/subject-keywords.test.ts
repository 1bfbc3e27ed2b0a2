import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileKeywords, foldText, subjectHasKeyword, wordsOf } from './subject-keywords.ts';

const matches = (subject: string, ...keywords: string[]) => subjectHasKeyword(subject, compileKeywords(keywords));

/** Words of letters (some accented) and digits, as people type them. */
const word = fc.stringMatching(/^[a-zA-ZéèüñçàÅØ0-9]{1,8}$/);
const separator = fc.constantFrom(' ', '  ', ', ', '! ', ' - ', '/', '\t', '…', '(', ')');

function join(words: string[], seps: string[]): string {
  return words.map((w, i) => (i === 0 ? w : `${seps[(i - 1) % seps.length]}${w}`)).join('');
}

/** Shuffles case and writes some letters with an accent: what the folding must undo. */
const disguise = (text: string, flips: boolean[]) =>
  [...text]
    .map((ch, i) => {
      const flip = flips[i % flips.length];
      const accented = { e: 'é', a: 'á', o: 'ö', u: 'ü', n: 'ñ', c: 'ç' }[ch.toLowerCase()];
      if (flip && accented) return accented;
      return flip ? ch.toUpperCase() : ch.toLowerCase();
    })
    .join('');

describe('subject keywords', () => {
  it('match whole words, ignoring case, accents and punctuation', () => {
    expect(matches('REFUND please!', 'refund')).toBe(true);
    expect(matches('Réfund for order 42', 'refund')).toBe(true);
    expect(matches('Refunded already', 'refund')).toBe(false);
    expect(matches('prerefund', 'refund')).toBe(false);
    expect(matches('Screen not  working!', 'not working')).toBe(true);
    expect(matches('Not my screen, working fine', 'not working')).toBe(false);
    expect(matches('Ücret iadesi', 'ucret')).toBe(true);
    expect(matches('Pesanan #1234 belum sampai', '1234')).toBe(true);
    expect(matches('anything', 'nope', 'anything')).toBe(true);
    expect(matches('', 'x')).toBe(false);
  });

  it('a keyword of no word never matches (the contract refuses it)', () => {
    expect(compileKeywords(['!!!', ' '])).toEqual([]);
    expect(matches('!!! ', '!!!')).toBe(false);
  });

  it('folding is idempotent and drops every accent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = foldText(text);
        expect(foldText(once)).toBe(once);
        expect(once.normalize('NFKD')).toBe(once);
      }),
    );
  });

  it('property: a run of the subject’s own words, in any case and accents, matches', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 8 }),
        fc.array(separator, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        (words, seps, a, b, flips) => {
          const start = a % words.length;
          const end = start + 1 + (b % (words.length - start));
          const keyword = words.slice(start, end).join(' ');
          expect(matches(join(words, seps), disguise(keyword, flips))).toBe(true);
          expect(matches(disguise(join(words, seps), flips), keyword)).toBe(true);
        },
      ),
    );
  });

  it('property: a keyword that is no whole word of the subject does not match, even inside a longer word', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), word, fc.array(separator, { minLength: 1, maxLength: 3 }), (words, keyword, seps) => {
        const folded = wordsOf(keyword)[0];
        fc.pre(!words.some((w) => wordsOf(w)[0] === folded));
        // Glued onto a neighbour it is part of a longer word, not a word of its own.
        const subject = join([...words.slice(0, -1), `${words[words.length - 1]}${keyword}`], seps);
        expect(matches(subject, keyword)).toBe(false);
      }),
    );
  });

  it('property: the order of a phrase matters; one word per keyword does not', () => {
    fc.assert(
      fc.property(word, word, (x, y) => {
        fc.pre(wordsOf(x)[0] !== wordsOf(y)[0]);
        expect(matches(`${x} ${y}`, `${y} ${x}`)).toBe(false);
        expect(matches(`${x} ${y}`, y, x)).toBe(true);
      }),
    );
  });
});
