import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration } from './format.ts';

describe('formatDuration', () => {
  it('says a span to the minute with its two largest units', () => {
    expect(formatDuration(0, 'en')).toBe('0 minutes');
    expect(formatDuration(29, 'en')).toBe('0 minutes');
    expect(formatDuration(7500, 'en')).toBe('2 hours 5 minutes');
    expect(formatDuration(3600, 'en')).toBe('1 hour');
    expect(formatDuration(26 * 3600 + 300, 'en')).toBe('1 day 2 hours');
    expect(formatDuration(-45 * 60, 'en')).toBe('45 minutes');
  });

  it('speaks Bahasa Indonesia too', () => {
    expect(formatDuration(7500, 'id')).toBe('2 jam 5 menit');
  });

  it('never says more than two units, and the minutes it rounds to add up (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 86_400 }), (seconds) => {
        const parts = formatDuration(seconds, 'en').split(/ (?=\d)/);
        expect(parts.length).toBeGreaterThanOrEqual(1);
        expect(parts.length).toBeLessThanOrEqual(2);
        const value = (unit: RegExp) => Number(parts.find((p) => unit.test(p))?.split(' ')[0] ?? 0);
        const minutes = Math.round(seconds / 60);
        expect(value(/days?$/) * 1440 + value(/hours?$/) * 60).toBeLessThanOrEqual(minutes);
        if (!parts.some((p) => /days?$/.test(p))) expect(value(/hours?$/) * 60 + value(/minutes?$/)).toBe(minutes);
      }),
    );
  });
});
