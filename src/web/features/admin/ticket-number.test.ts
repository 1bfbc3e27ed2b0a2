import { describe, expect, it } from 'vitest';
import { formatTicketNumber, parsePadding } from './ticket-number.ts';

describe('the look of ticket numbers', () => {
  const at = new Date('2026-03-10T08:00:00Z');

  it('puts the year for {YYYY} and pads the counter', () => {
    expect(formatTicketNumber('{YYYY}', 4, 42, at, 'Asia/Jakarta')).toBe('20260042');
    expect(formatTicketNumber('CS-{YYYY}-', 6, 42, at, 'UTC')).toBe('CS-2026-000042');
    expect(formatTicketNumber('', 1, 42, at, 'UTC')).toBe('42');
  });

  it('a counter longer than the padding is shown whole', () => {
    expect(formatTicketNumber('T', 2, 12345, at, 'UTC')).toBe('T12345');
  });

  it("takes the year in the workspace's time zone: 00:30 on 1 January in Jakarta is the new year", () => {
    const newYearInJakarta = new Date('2025-12-31T17:30:00Z');
    expect(formatTicketNumber('{YYYY}', 4, 1, newYearInJakarta, 'Asia/Jakarta')).toBe('20260001');
    expect(formatTicketNumber('{YYYY}', 4, 1, newYearInJakarta, 'UTC')).toBe('20250001');
  });

  it('a time zone still being typed does not break the example', () => {
    expect(formatTicketNumber('{YYYY}', 4, 42, at, 'Asia/Jak')).toMatch(/^\d{4}0042$/);
  });

  it('reads a padding from 1 to 12, and nothing else', () => {
    expect(parsePadding(' 4 ')).toBe(4);
    expect(parsePadding('12')).toBe(12);
    for (const bad of ['', '0', '13', '4.5', 'four', '-1']) expect(parsePadding(bad)).toBeNull();
  });
});
