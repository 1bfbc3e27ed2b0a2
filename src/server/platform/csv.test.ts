import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv/sync';
import { csvDocument, csvLines, protectCell, unprotectCell } from './csv.ts';

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

describe('csvLines', () => {
  it('writes any rows so that a CSV parser reads back each protected cell, quotes, commas, line breaks and accents included', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', '"', '\n', '\r', '=', "'", ';', '1'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const width = rows[0].length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const text = csvLines(table);
        expect(text.endsWith('\r\n')).toBe(true);
        expect(parse(text, { relax_column_count: false })).toEqual(table.map((r) => r.map(protectCell)));
      }),
      { numRuns: 500 },
    );
  });

  it('streams a document: the BOM and header first, then each batch', async () => {
    async function* batches() {
      yield [['1', '=SUM(A1)']];
      yield [];
      yield [['2', 'plain, "quoted"']];
    }
    const parts: string[] = [];
    for await (const part of csvDocument(['id', 'value'], batches(), (row: string[]) => row)) parts.push(part);
    expect(parts.join('')).toBe('\uFEFFid,value\r\n1,\'=SUM(A1)\r\n2,"plain, ""quoted"""\r\n');
  });
});
