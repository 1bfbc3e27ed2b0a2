import { describe, expect, it } from 'vitest';
import { formatBucket, formatDayRange, formatReportDay, formatReportDuration, formatShare, noFigure, trendOf } from './report-format.ts';

describe('report durations', () => {
  it('says short times in seconds and longer ones in their two largest units', () => {
    expect(formatReportDuration(0, 'en-GB')).toBe('0 seconds');
    expect(formatReportDuration(42, 'en-GB')).toBe('42 seconds');
    expect(formatReportDuration(600, 'en-GB')).toBe('10 minutes');
    expect(formatReportDuration(2100, 'en-GB')).toBe('35 minutes');
    expect(formatReportDuration(89_400, 'en-GB')).toBe('1 day 50 minutes');
    expect(formatReportDuration(139_200, 'en-GB')).toBe('1 day 14 hours');
    expect(formatReportDuration(42, 'id-ID')).toBe('42 detik');
    expect(formatReportDuration(7500, 'id-ID')).toBe('2 jam 5 menit');
  });

  it('shows a dash where nothing was measured, not zero', () => {
    expect(formatReportDuration(null, 'en-GB')).toBe(noFigure);
  });
});

describe('report shares', () => {
  it('writes percentages cut, not rounded up, with a decimal only where there is one', () => {
    expect(formatShare(0.5, 'en-GB')).toBe('50%');
    expect(formatShare(1 / 3, 'en-GB')).toBe('33.3%');
    expect(formatShare(0.99996, 'en-GB')).toBe('99.9%');
    expect(formatShare(1, 'en-GB')).toBe('100%');
    expect(formatShare(0.29, 'en-GB')).toBe('29%');
    expect(formatShare(1 / 3, 'id-ID')).toBe('33,3%');
    expect(formatShare(null, 'en-GB')).toBe(noFigure);
  });
});

describe('trends against the previous period', () => {
  it('points up for longer, down for shorter, flat under half a percent', () => {
    expect(trendOf(0.25, 'en-GB')).toEqual({ direction: 'up', percent: 25, text: '↑ 25%' });
    expect(trendOf(-0.104, 'en-GB')).toEqual({ direction: 'down', percent: 10, text: '↓ 10%' });
    expect(trendOf(0.004, 'en-GB')).toEqual({ direction: 'flat', percent: 0, text: '→ 0%' });
    expect(trendOf(12.5, 'en-GB')?.text).toBe('↑ 1,250%');
  });

  it('has no trend without a previous figure', () => {
    expect(trendOf(null)).toBeNull();
  });
});

// ICU writes ranges with thin spaces, in some versions narrow no-break ones.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('report days and buckets', () => {
  it('writes the days of the workspace as they are, whatever the browser’s time zone', () => {
    expect(formatReportDay('2026-03-27', 'en-GB')).toBe('27 Mar 2026');
    expect(plain(formatDayRange('2026-03-27', '2026-04-06', 'en-GB'))).toBe('27 Mar – 6 Apr 2026');
    expect(formatDayRange('2026-03-27', '2026-03-27', 'en-GB')).toBe('27 Mar 2026');
    expect(plain(formatDayRange('2025-12-30', '2026-01-02', 'id-ID'))).toBe('30 Des 2025 – 2 Jan 2026');
    expect(formatDayRange('bad', '2026-01-02', 'en-GB')).toBe('bad – 2026-01-02');
  });

  it('labels buckets short on the axis and in full in the table', () => {
    expect(formatBucket('2026-03-27', 'day', 'axis', 'en-GB')).toBe('27 Mar');
    expect(formatBucket('2026-03-27', 'day', 'full', 'en-GB')).toMatch(/^Fri,? 27 Mar 2026$/);
    expect(formatBucket('2026-03-23', 'week', 'full', 'en-GB')).toBe('23 Mar 2026');
    expect(formatBucket('2026-03-01', 'month', 'axis', 'en-GB')).toBe('Mar 2026');
    expect(formatBucket('2026-03-01', 'month', 'full', 'id-ID')).toBe('Maret 2026');
  });
});
