import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTicketNumber, yearIn } from './ticket-number.ts';

const at = (iso: string) => new Date(iso);

describe('yearIn: the year of an instant in the workspace time zone', () => {
  it('turns over at local midnight on New Year, not at UTC midnight', () => {
    // Jakarta is UTC+7 all year: 17:00 UTC on Dec 31 is midnight there.
    expect(yearIn(at('2025-12-31T16:59:59.999Z'), 'Asia/Jakarta')).toBe('2025');
    expect(yearIn(at('2025-12-31T17:00:00.000Z'), 'Asia/Jakarta')).toBe('2026');
    // Los Angeles is UTC-8 in winter: the new year starts at 08:00 UTC.
    expect(yearIn(at('2026-01-01T07:59:59.999Z'), 'America/Los_Angeles')).toBe('2025');
    expect(yearIn(at('2026-01-01T08:00:00.000Z'), 'America/Los_Angeles')).toBe('2026');
    expect(yearIn(at('2025-12-31T23:59:59.999Z'), 'UTC')).toBe('2025');
    expect(yearIn(at('2026-01-01T00:00:00.000Z'), 'UTC')).toBe('2026');
  });

  it('handles half-hour and far-off zones', () => {
    expect(yearIn(at('2025-12-31T18:29:59Z'), 'Asia/Kolkata')).toBe('2025');
    expect(yearIn(at('2025-12-31T18:30:00Z'), 'Asia/Kolkata')).toBe('2026');
    expect(yearIn(at('2025-12-31T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2026'); // UTC+14
    expect(yearIn(at('2026-01-01T10:59:59Z'), 'Pacific/Pago_Pago')).toBe('2025'); // UTC-11
  });

  it('equals the UTC year of the instant shifted by a fixed offset', () => {
    // Etc/GMT-7 is UTC+7 (POSIX signs are inverted); fixed zones give an oracle without Intl.
    const offsets = fc.integer({ min: -12, max: 14 });
    const instants = fc.date({ min: at('2000-01-01T00:00:00Z'), max: at('2099-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instants, offsets, (d, hours) => {
        const zone = hours === 0 ? 'Etc/UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
        const expected = String(new Date(d.getTime() + hours * 3600_000).getUTCFullYear());
        return yearIn(d, zone) === expected;
      }),
      { numRuns: 2000 },
    );
  });

  it('is always the year before, of, or after the UTC year', () => {
    const zones = fc.constantFrom('UTC', 'Asia/Jakarta', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Berlin');
    fc.assert(
      fc.property(fc.date({ min: at('2000-01-01T00:00:00Z'), max: at('2099-12-31T00:00:00Z'), noInvalidDate: true }), zones, (d, tz) => {
        const delta = Number(yearIn(d, tz)) - d.getUTCFullYear();
        return delta >= -1 && delta <= 1 && /^\d{4}$/.test(yearIn(d, tz));
      }),
    );
  });
});

describe('formatTicketNumber', () => {
  const jan = at('2026-03-01T12:00:00Z');

  it('is YYYY plus the sequence zero-padded to four digits by default', () => {
    expect(formatTicketNumber('{YYYY}', 4, 42, jan, 'UTC')).toBe('20260042');
    expect(formatTicketNumber('{YYYY}', 4, 1, jan, 'UTC')).toBe('20260001');
    expect(formatTicketNumber('{YYYY}', 4, 9999, jan, 'UTC')).toBe('20269999');
  });

  it('never truncates a sequence longer than the padding', () => {
    expect(formatTicketNumber('{YYYY}', 4, 12345, jan, 'UTC')).toBe('202612345');
    expect(formatTicketNumber('{YYYY}', 1, 7, jan, 'UTC')).toBe('20267');
  });

  it('takes the year in the workspace time zone around New Year', () => {
    expect(formatTicketNumber('{YYYY}', 4, 5, at('2025-12-31T17:30:00Z'), 'Asia/Jakarta')).toBe('20260005');
    expect(formatTicketNumber('{YYYY}', 4, 5, at('2025-12-31T17:30:00Z'), 'UTC')).toBe('20250005');
    expect(formatTicketNumber('{YYYY}', 4, 5, at('2026-01-01T05:00:00Z'), 'America/Los_Angeles')).toBe('20250005');
  });

  it('supports custom prefixes with and without the year token', () => {
    expect(formatTicketNumber('CS-{YYYY}-', 6, 42, jan, 'UTC')).toBe('CS-2026-000042');
    expect(formatTicketNumber('T', 3, 42, jan, 'UTC')).toBe('T042');
    expect(formatTicketNumber('', 4, 42, jan, 'UTC')).toBe('0042');
    expect(formatTicketNumber('{YYYY}{YYYY}', 2, 3, jan, 'UTC')).toBe('2026202603');
  });

  it('ends with the sequence padded to at least `padding` digits and reads back to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 12 }), fc.integer({ min: 1, max: 12 }), (seq, padding) => {
        const n = formatTicketNumber('{YYYY}', padding, seq, jan, 'UTC');
        const tail = n.slice(4);
        return n.startsWith('2026') && tail.length === Math.max(padding, String(seq).length) && Number(tail) === seq;
      }),
    );
  });

  it('gives different numbers to different sequence values (never reused)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 1, max: 12 }), (a, b, padding) => {
        fc.pre(a !== b);
        return formatTicketNumber('{YYYY}', padding, a, jan, 'UTC') !== formatTicketNumber('{YYYY}', padding, b, jan, 'UTC');
      }),
    );
  });

  it('numbers of different years never collide, whatever the sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 9 }), (a, b) => {
        const y1 = formatTicketNumber('{YYYY}', 4, a, at('2026-06-01T00:00:00Z'), 'UTC');
        const y2 = formatTicketNumber('{YYYY}', 4, b, at('2027-06-01T00:00:00Z'), 'UTC');
        return y1 !== y2;
      }),
    );
  });
});
