import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLinks } from './mail-text.ts';

describe('links in a plain-text mail', () => {
  it('makes web addresses links, without the punctuation that ends the sentence', () => {
    expect(splitLinks('Sign in: https://desk.example.com/portal/sign-in?token=abc.\nThanks')).toEqual([
      { text: 'Sign in: ' },
      { text: 'https://desk.example.com/portal/sign-in?token=abc', href: 'https://desk.example.com/portal/sign-in?token=abc' },
      { text: '.\nThanks' },
    ]);
  });

  it('leaves other schemes and markup as text', () => {
    expect(splitLinks('javascript:alert(1) <a href="x">x</a>')).toEqual([{ text: 'javascript:alert(1) <a href="x">x</a>' }]);
  });

  it('never loses or reorders a character', () => {
    fc.assert(
      fc.property(fc.string(), fc.webUrl(), fc.string(), (a, url, b) => {
        expect(splitLinks(a + url + b).map((r) => r.text).join('')).toBe(a + url + b);
      }),
    );
  });
});
