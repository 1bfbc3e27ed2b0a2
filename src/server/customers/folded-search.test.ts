import { describe, expect, it } from 'vitest';
import { hasTrigrams } from './folded-search.ts';

// pieces are a search split at its *s, as parseSearchTerm splits it: ['', 'an', ''] is *an*.
describe('hasTrigrams: whether pg_trgm takes a trigram from the pattern, so its index narrows the search', () => {
  it.each([
    [['an', ''], 'an*: the start of the text pads "an" with two blanks'],
    [['', 'an'], '*an: the end of the text pads it with one'],
    [['', 'ant', ''], '*ant*: three letters need no padding'],
    [['', 'a.b', ''], '*a.b*: "b" starts after a character that is not a letter, so it is padded'],
    [['+62', ''], '+62*: "62" starts after +'],
    [['', '77'], '%77, the phone form of *@kantor77.example'],
    [['josé', ''], 'accented letters are letters'],
    [['', 'budi santoso 4', ''], 'words of a term without *'],
  ])('takes %j (%s)', (pieces) => {
    expect(hasTrigrams(pieces)).toBe(true);
  });

  it.each([
    [['', 'an', ''], '*an*: two letters between wildcards'],
    [['', '12', ''], '*12*'],
    [['', 'a', 'b', ''], '*a*b*: single letters'],
    [['', '@.', ''], 'no letters or digits at all'],
  ])('finds none in %j (%s)', (pieces) => {
    expect(hasTrigrams(pieces)).toBe(false);
  });
});
