import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneSearchTerm } from './phone.ts';

describe('normalizePhone', () => {
  it('stores numbers in E.164, local ones read in the workspace country', () => {
    expect(normalizePhone('+62 812-3456-7890')).toBe('+6281234567890');
    expect(normalizePhone('0812 3456 7890', 'ID')).toBe('+6281234567890');
    expect(normalizePhone('(0812) 3456.7890', 'ID')).toBe('+6281234567890');
    expect(normalizePhone('+44 20 7946 0958', 'ID')).toBe('+442079460958');
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
  });

  it('keeps the digits of what it cannot read, and never throws', () => {
    expect(normalizePhone('0812 3456 7890')).toBe('081234567890');
    expect(normalizePhone('12')).toBe('12');
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(undefined, null, 'ID', 'GB', 'XX', ''), (input, country) => {
        expect(normalizePhone(input, country)).toMatch(/^\+?\d*$/);
      }),
    );
  });
});

describe('phoneSearchTerm', () => {
  it("reads a national prefix in the workspace's country, and keeps wildcards", () => {
    expect(phoneSearchTerm('0812*', 'ID')).toBe('+62812*');
    expect(phoneSearchTerm('+62 812*', 'ID')).toBe('+62812*');
    expect(phoneSearchTerm('*7890')).toBe('*7890');
    expect(phoneSearchTerm('0812*')).toBe('0812*');
    expect(phoneSearchTerm('a1')).toBeNull();
  });
});

const separator = fc.constantFrom(' ', '-', '.', '/', '(', ')', '  ');
const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: 1, maxLength: 15 });
/** Spreads separators between the digits, as people write phone numbers. */
const formatted = (d: string, seps: string[]) => [...d].map((ch, i) => ch + (seps[i % Math.max(1, seps.length)] ?? '')).join('');

describe('normalizePhone, whatever is typed', () => {
  it('gives the same key for any formatting of the same number, in any workspace country', () => {
    fc.assert(
      fc.property(digits, fc.boolean(), fc.array(separator, { maxLength: 6 }), fc.array(separator, { maxLength: 6 }), fc.constantFrom(null, 'ID', 'GB'), (d, plus, s1, s2, country) => {
        const a = `${plus ? '+' : ''}${formatted(d, s1)}`;
        const b = ` ${plus ? '+' : ''}${formatted(d, s2)} `;
        return normalizePhone(a, country) === normalizePhone(b, country);
      }),
    );
  });

  it('is idempotent and yields only digits after an optional leading +', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom(null, 'ID'), (s, country) => {
        const n = normalizePhone(s, country);
        return /^\+?\d*$/.test(n) && normalizePhone(n, country) === n;
      }),
    );
  });

  it('tells different numbers apart when no country says how to read them', () => {
    fc.assert(
      fc.property(digits, digits, fc.array(separator, { maxLength: 4 }), (a, b, seps) => {
        fc.pre(a !== b);
        return normalizePhone(formatted(a, seps)) !== normalizePhone(formatted(b, seps));
      }),
    );
  });
});
