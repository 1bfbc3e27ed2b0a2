import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBytes } from './byte-size.ts';

describe('a size in bytes', () => {
  it('takes the largest unit that keeps the number at 1 or more, with a decimal below 100', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(1023, 'en')).toBe('1,023 B');
    expect(formatBytes(1024, 'en')).toBe('1 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(12.34 * 1024 ** 2, 'en')).toBe('12.3 MB');
    expect(formatBytes(345.6 * 1024 ** 2, 'en')).toBe('346 MB');
    expect(formatBytes(2.25 * 1024 ** 3, 'en')).toBe('2.3 GB');
  });

  it('writes the number as the language does', () => {
    expect(formatBytes(1536, 'id')).toBe('1,5 KB');
  });

  it('never shows a number of 1024 or more, nor a negative one', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e15, noNaN: true }), (bytes) => {
        const [number] = formatBytes(bytes, 'en').split(' ');
        const value = Number(number.replace(/,/g, ''));
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThan(1024);
      }),
    );
  });
});
