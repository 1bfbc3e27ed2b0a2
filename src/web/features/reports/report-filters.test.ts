import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channels } from '../../../contract/channels.ts';
import { activityQuery, actorKinds, overviewQuery, reportIntervals, reportPresets } from '../../../contract/reports.ts';
import { priorities } from '../../../contract/tickets.ts';
import { ApiError } from '../../lib/api-client.ts';
import {
  activityCsvUrl,
  checkReportRange,
  countTicketFilters,
  emptyActivityFilters,
  emptyReportFilters,
  fieldOfParam,
  overviewCsvUrl,
  readActivityFilters,
  readReportFilters,
  type ReportFilters,
  serverReportErrors,
  toActivityQuery,
  toOverviewQuery,
  writeReportFilters,
} from './report-filters.ts';

const filters = (overrides: Partial<ReportFilters>): ReportFilters => ({ ...emptyReportFilters, ...overrides });
const read = (query: string) => readReportFilters(new URLSearchParams(query));

describe('report filters ↔ URL', () => {
  it('opens on the last 30 days with every ticket and lets the server choose the interval', () => {
    expect(read('')).toEqual(emptyReportFilters);
    expect(writeReportFilters(emptyReportFilters).toString()).toBe('');
    expect(toOverviewQuery(emptyReportFilters)).toEqual({ preset: 'last_30_days' });
  });

  it('writes only what differs from the defaults, lists as comma lists', () => {
    const f = filters({ preset: 'custom', from: '2026-03-01', to: '2026-03-31', interval: 'week', department: ['3', '7'], channel: ['email', 'marketplace'], source: ['ebay'], priority: ['urgent'] });
    expect(writeReportFilters(f).toString()).toBe('preset=custom&from=2026-03-01&to=2026-03-31&interval=week&department=3%2C7&channel=email%2Cmarketplace&source=ebay&priority=urgent');
    expect(writeReportFilters(filters({ preset: 'today' })).toString()).toBe('preset=today');
  });

  it('reads days without a preset as a custom range, as the API does, and ignores days beside a preset', () => {
    expect(read('from=2026-03-01&to=2026-03-31')).toEqual(filters({ preset: 'custom', from: '2026-03-01', to: '2026-03-31' }));
    expect(read('preset=this_month&from=2026-03-01')).toEqual(filters({ preset: 'this_month' }));
    expect(read('preset=yesterday')).toEqual(emptyReportFilters);
  });

  it('drops values it cannot show instead of sending them: unknown channels and priorities, ids that are not ids, repeats', () => {
    expect(read('channel=fax,email,email&priority=high,asap&department=3,x,-1,3&agent=0&source=eBay,google,a b&interval=hour')).toEqual(
      filters({ channel: ['email'], priority: ['high'], department: ['3'], source: ['ebay', 'google'] }),
    );
    expect(readActivityFilters(new URLSearchParams('actor=robot,customer&actor_agent=5,five&type=resolved,Resolved,x-y'))).toEqual({ actor: ['customer'], actor_agent: ['5'], type: ['resolved'] });
  });

  it('keeps a custom range as written, so a mistyped day stands at its field', () => {
    expect(read('preset=custom&from=2026-02-30&to=')).toEqual(filters({ preset: 'custom', from: '2026-02-30', to: '' }));
  });

  it('gives back exactly what it wrote, and the server takes every query it makes (property)', () => {
    const ids = fc.uniqueArray(fc.integer({ min: 1, max: 99_999 }).map(String), { maxLength: 4 });
    const day = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const subset = <T>(values: readonly T[]) => fc.subarray([...values]);
    const arbitrary = fc.record({
      preset: fc.constantFrom(...reportPresets),
      from: day,
      to: day,
      interval: fc.constantFrom('' as const, ...reportIntervals),
      department: ids,
      category: ids,
      agent: ids,
      channel: subset(channels),
      source: fc.uniqueArray(fc.stringMatching(/^[a-z0-9_-]{1,12}$/), { maxLength: 3 }),
      priority: subset(priorities),
    });
    const activity = fc.record({ actor: subset(actorKinds), actor_agent: ids, type: fc.uniqueArray(fc.constantFrom('created', 'resolved', 'replied'), { maxLength: 3 }) });
    fc.assert(
      fc.property(arbitrary, activity, (raw, a) => {
        const f = raw.preset === 'custom' ? raw : { ...raw, from: '', to: '' };
        const params = writeReportFilters(f, a);
        expect(readReportFilters(params)).toEqual(f);
        expect(readActivityFilters(params)).toEqual(a);
        expect(overviewQuery.safeParse(toOverviewQuery(f)).success).toBe(true);
        expect(activityQuery.safeParse(toActivityQuery(f, a)).success).toBe(true);
      }),
    );
  });

  it('counts the ticket filters that narrow the report, not the range', () => {
    expect(countTicketFilters(filters({ preset: 'today', interval: 'day' }))).toBe(0);
    expect(countTicketFilters(filters({ department: ['1', '2'], priority: ['low'] }))).toBe(2);
  });
});

describe('report queries and downloads', () => {
  it('sends the interval to the overview only: the activity takes none, and its own filters instead', () => {
    const f = filters({ interval: 'month', agent: ['4'] });
    expect(toOverviewQuery(f)).toEqual({ preset: 'last_30_days', interval: 'month', agent: '4' });
    expect(toActivityQuery(f, { actor: ['agent', 'customer'], actor_agent: [], type: ['resolved'] })).toEqual({ preset: 'last_30_days', agent: '4', actor: 'agent,customer', type: 'resolved' });
  });

  it('links each CSV to the same range and filters as the page', () => {
    const f = filters({ preset: 'custom', from: '2026-03-01', to: '2026-03-31', channel: ['phone'] });
    expect(overviewCsvUrl(f, 'agents')).toBe('/api/v1/reports/overview.csv?preset=custom&from=2026-03-01&to=2026-03-31&channel=phone&table=agents');
    expect(activityCsvUrl(f, { ...emptyActivityFilters, actor: ['customer'] })).toBe('/api/v1/reports/activity.csv?preset=custom&from=2026-03-01&to=2026-03-31&channel=phone&actor=customer');
  });
});

describe('range checks and the server’s refusals', () => {
  it('asks a custom range for two days, the last on or after the first', () => {
    expect(checkReportRange({ preset: 'last_7_days', from: '', to: '' })).toEqual({});
    expect(checkReportRange({ preset: 'custom', from: '', to: '2026-03-01' })).toEqual({ from: { kind: 'required' } });
    expect(checkReportRange({ preset: 'custom', from: '2026-02-30', to: '2026-03-01' })).toEqual({ from: { kind: 'date' } });
    expect(checkReportRange({ preset: 'custom', from: '2026-03-10', to: '2026-03-01' })).toEqual({ to: { kind: 'range' } });
    expect(checkReportRange({ preset: 'custom', from: '2026-03-01', to: '2026-03-01' })).toEqual({});
  });

  it('places a 400 at the field it names, whichever way the server writes the parameter', () => {
    expect(fieldOfParam('query.to')).toBe('to');
    expect(fieldOfParam('querystring.channel')).toBe('channel');
    expect(fieldOfParam('querystring.actor_agent.0')).toBe('actor_agent');
    expect(fieldOfParam('query.cursor')).toBeUndefined();
    const refusal = new ApiError(400, 'validation_error', 'query.to: the range is longer than 2 years', [
      { field: 'query.to', message: 'the range is longer than 2 years' },
      { field: 'query.colour', message: 'unknown field' },
    ]);
    expect(serverReportErrors(refusal)).toEqual({ to: { kind: 'server', message: 'the range is longer than 2 years' } });
    expect(serverReportErrors(new ApiError(500, 'internal', 'boom'))).toEqual({});
    expect(serverReportErrors(new Error('offline'))).toEqual({});
  });
});
