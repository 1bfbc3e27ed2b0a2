import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideReview, departmentOfLocation, duplicateLocation, matchKeyword, type ReviewRules } from './review-rules.ts';

const rules: ReviewRules = { maxRating: 3, keywords: ['food poisoning', 'kecewa'], locations: [{ location: 'Kemang', departmentId: 7 }] };

describe('decideReview', () => {
  it('makes a ticket of a rating at or below the threshold, in the location department', () => {
    expect(decideReview(rules, { rating: 3, text: 'ok', location: ' kemang ' })).toEqual({ ticket: true, reason: 'rating', departmentId: 7 });
    expect(decideReview(rules, { rating: 1, text: '', location: 'Senopati' })).toEqual({ ticket: true, reason: 'rating', departmentId: null });
  });

  it('makes a ticket of a good rating only when a keyword is named', () => {
    expect(decideReview(rules, { rating: 5, text: 'Lovely staff' })).toEqual({ ticket: false });
    expect(decideReview(rules, { rating: 4, text: 'Great view but FOOD  poisoning after!' })).toEqual({ ticket: true, reason: 'keyword', keyword: 'food poisoning', departmentId: null });
    expect(decideReview(rules, { rating: 5, text: 'Saya kécewa.' })).toMatchObject({ ticket: true, keyword: 'kecewa' });
  });

  it('with threshold 0 no rating alone makes a ticket', () => {
    expect(decideReview({ ...rules, maxRating: 0 }, { rating: 1, text: 'bad' })).toEqual({ ticket: false });
  });
});

describe('matchKeyword', () => {
  it('matches whole words only', () => {
    expect(matchKeyword('we played badminton', ['bad'])).toBeNull();
    expect(matchKeyword('bad, really', ['bad'])).toBe('bad');
    expect(matchKeyword('anything', ['  ', '!!'])).toBeNull();
  });

  it('finds any keyword placed among other words, whatever its case (property)', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), fc.array(word, { minLength: 1, maxLength: 3 }), fc.array(word, { maxLength: 10 }), (before, keyword, after) => {
        const phrase = keyword.join(' ');
        const text = [...before, phrase.toUpperCase(), ...after].join(' ');
        expect(matchKeyword(text, [phrase])).toBe(phrase);
      }),
    );
  });

  it('never matches a keyword whose words are absent from the text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-m]{1,6}$/)), fc.stringMatching(/^[n-z]{1,6}$/), (text, keyword) => {
        expect(matchKeyword(text.join(' '), [keyword])).toBeNull();
      }),
    );
  });
});

describe('locations', () => {
  it('compares without case, accents or surrounding space', () => {
    expect(departmentOfLocation('KEMANG', rules.locations)).toBe(7);
    expect(departmentOfLocation(null, rules.locations)).toBeNull();
    expect(duplicateLocation([{ location: 'Kemang' }, { location: 'Senopati' }, { location: ' kemang' }])).toBe(2);
    expect(duplicateLocation([{ location: 'Kemang' }])).toBe(-1);
  });
});
