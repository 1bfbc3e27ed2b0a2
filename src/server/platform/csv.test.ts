import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectCell, unprotectCell } from './csv.ts';

describe('protectCell', () => {
  it('puts a quote before values a spreadsheet would run as a formula, phone numbers included', () => {
    expect(protectCell('=HYPERLINK("http://evil.test","click")')).toBe('\'=HYPERLINK("http://evil.test","click")');
    expect(protectCell('+62 812 3456 7890')).toBe("'+62 812 3456 7890");
    expect(protectCell('-1')).toBe("'-1");
    expect(protectCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(protectCell('\tx')).toBe("'\tx");
    expect(protectCell('\rx')).toBe("'\rx");
    expect(protectCell('Budi = Santoso')).toBe('Budi = Santoso');
    expect(protectCell('')).toBe('');
  });

  it('never leaves a value starting with a formula character, and the import reads back every value exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', ' ', '1') }), (value) => {
        const cell = protectCell(value);
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(unprotectCell(cell)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves a quote typed by hand alone when no formula character follows it", () => {
    expect(unprotectCell("'Tis")).toBe("'Tis");
    expect(unprotectCell("'+62 811")).toBe('+62 811');
  });
});
