import fc from 'fast-check';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../i18n/resources.ts';
import { durationParts, formatDuration, parseDuration, secondsToDuration } from './duration.ts';

const target = { isRequired: false, allowsZero: false, maxSeconds: 366 * 24 * 3600 };
const delay = { isRequired: true, allowsZero: true, maxSeconds: 366 * 24 * 3600 };

describe('durations as hours and minutes', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));

  it('reads hours and minutes as seconds, either field alone meaning 0 of the other', () => {
    expect(parseDuration({ hours: '1', minutes: '30' }, target)).toEqual({ seconds: 5400, problem: null });
    expect(parseDuration({ hours: ' 8 ', minutes: '' }, target)).toEqual({ seconds: 28_800, problem: null });
    expect(parseDuration({ hours: '', minutes: '45' }, target)).toEqual({ seconds: 2700, problem: null });
  });

  it('takes two empty fields as no target, but as a missing delay where one is required', () => {
    expect(parseDuration({ hours: '', minutes: ' ' }, target)).toEqual({ seconds: null, problem: null });
    expect(parseDuration({ hours: '', minutes: '' }, delay)).toEqual({ seconds: null, problem: 'required' });
  });

  it('refuses what is not a whole number, minutes past 59, zero targets and more than the limit', () => {
    expect(parseDuration({ hours: '1.5', minutes: '' }, target).problem).toBe('number');
    expect(parseDuration({ hours: '-1', minutes: '' }, target).problem).toBe('number');
    expect(parseDuration({ hours: '1', minutes: '60' }, target).problem).toBe('minutes');
    expect(parseDuration({ hours: '0', minutes: '0' }, target).problem).toBe('zero');
    expect(parseDuration({ hours: '0', minutes: '0' }, delay)).toEqual({ seconds: 0, problem: null });
    expect(parseDuration({ hours: '8785', minutes: '' }, target).problem).toBe('tooLong');
    expect(parseDuration({ hours: '8784', minutes: '' }, target)).toEqual({ seconds: 8784 * 3600, problem: null });
  });

  it('gives back any whole-minute duration it showed, and rounds a stray second up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 366 * 24 * 60 }), (minutes) => {
        expect(parseDuration(secondsToDuration(minutes * 60), target)).toEqual({ seconds: minutes * 60, problem: null });
      }),
    );
    expect(secondsToDuration(null)).toEqual({ hours: '', minutes: '' });
    expect(durationParts(61)).toEqual({ hours: 0, minutes: 2 });
  });

  it('words a duration for reading', () => {
    expect(formatDuration(5400)).toBe('1 h 30 min');
    expect(formatDuration(8 * 3600)).toBe('8 h');
    expect(formatDuration(900)).toBe('15 min');
    expect(formatDuration(0)).toBe('0 min');
  });
});
