import fc from 'fast-check';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { channels, priorities, sortKeys, statusFilters } from '../../../contract/tickets.ts';
import { resources } from '../../i18n/resources.ts';
import {
  activeChannelOption,
  channelFilterLabel,
  channelOptionLabel,
  channelOptions,
  countFiltersOf,
  filterChips,
  readTicketFilters,
  type SortFilter,
  statusFilterLabel,
  statusTiles,
  type TicketFilters,
  writeTicketFilters,
} from './ticket-filters.ts';

const i18n = i18next.createInstance();
void i18n.init({ resources, lng: 'en', fallbackLng: 'en', defaultNS: 'common', initAsync: false });
const en = i18n.getFixedT<['dashboard', 'common']>('en', ['dashboard', 'common']);
const id = i18n.getFixedT<['dashboard', 'common']>('id', ['dashboard', 'common']);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const validFilters: fc.Arbitrary<TicketFilters> = fc
  .record({
    status: optional(fc.constantFrom(...statusFilters)),
    channel: optional(fc.constantFrom(...channels)),
    source: optional(fc.stringMatching(/^[a-z0-9_-]{1,50}$/)),
    assignee: optional(fc.constant('me' as const)),
    priority: optional(fc.constantFrom(...priorities)),
    verification: optional(fc.constant('unverified' as const)),
    sort: optional(fc.constantFrom(...sortKeys.flatMap((k): SortFilter[] => [k, `-${k}`]))),
  })
  // An absent filter is no key at all, as readTicketFilters returns it.
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as TicketFilters);

describe('ticket filters in the URL', () => {
  it('reads each tile status, with On hold meaning pending', () => {
    expect(readTicketFilters(new URLSearchParams('status=pending'))).toEqual({ status: 'pending' });
    expect(readTicketFilters(new URLSearchParams('status=auto_closed'))).toEqual({ status: 'auto_closed' });
    expect(statusTiles.find((key) => key !== 'total' && statusFilterLabel(key, en) === 'On hold')).toBe('pending');
    expect(statusFilterLabel('pending', id)).toBe('Ditunda');
  });

  it('reads every filter of a shared dashboard link', () => {
    const params = new URLSearchParams('status=overdue&channel=marketplace&source=ebay&assignee=me&priority=urgent&sort=-priority');
    expect(readTicketFilters(params)).toEqual({ status: 'overdue', channel: 'marketplace', source: 'ebay', assignee: 'me', priority: 'urgent', sort: '-priority' });
  });

  it('ignores values the API would refuse, and total, which is no filter', () => {
    expect(readTicketFilters(new URLSearchParams('status=bogus'))).toEqual({});
    expect(readTicketFilters(new URLSearchParams('status=total'))).toEqual({});
    expect(readTicketFilters(new URLSearchParams(''))).toEqual({});
    const refused = 'channel=fax&source=eBay!&assignee=someone&priority=critical&sort=subject&sort=--number';
    expect(readTicketFilters(new URLSearchParams(refused))).toEqual({});
    for (const assignee of ['0', '-3', '7.5', '07']) expect(readTicketFilters(new URLSearchParams({ assignee }))).toEqual({});
    // An agent's id: the Agents page links to the tickets assigned to an agent.
    expect(readTicketFilters(new URLSearchParams('assignee=7'))).toEqual({ assignee: 7 });
    expect(readTicketFilters(new URLSearchParams(`source=${'a'.repeat(51)}`))).toEqual({});
  });

  it('writes exactly the given filters and keeps the parameters that are not filters', () => {
    const params = new URLSearchParams('view=compact&channel=email&status=new');
    expect(writeTicketFilters(params, { status: 'overdue' }).toString()).toBe('view=compact&status=overdue');
    expect(writeTicketFilters(params, {}).toString()).toBe('view=compact');
    expect(writeTicketFilters(params, { channel: 'marketplace', source: 'amazon', sort: 'due' }).toString()).toBe('view=compact&channel=marketplace&source=amazon&sort=due');
    expect(params.toString()).toBe('view=compact&channel=email&status=new');
  });

  it('reads back whatever it wrote, whatever else is in the URL (property)', () => {
    const otherParams = fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/).filter((k) => !['status', 'channel', 'source', 'assignee', 'priority', 'verification', 'sort'].includes(k)), fc.string());
    fc.assert(
      fc.property(validFilters, otherParams, (filters, other) => {
        const written = writeTicketFilters(new URLSearchParams(other), filters);
        expect(readTicketFilters(new URLSearchParams(written.toString()))).toEqual(filters);
        for (const [key, value] of Object.entries(other)) expect(written.get(key)).toBe(value);
      }),
    );
  });

  it('drops unknown values and keeps known ones from any query string (property)', () => {
    const value = fc.oneof(fc.string(), fc.constantFrom<string>(...statusFilters, ...channels, ...priorities, 'me', '-due', 'ebay'));
    const key = fc.constantFrom('status', 'channel', 'source', 'assignee', 'priority', 'sort', 'other');
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value)), (pairs) => {
        const filters = readTicketFilters(new URLSearchParams(pairs));
        // Whatever was read is a valid filter set: writing and reading it again changes nothing.
        expect(readTicketFilters(writeTicketFilters(new URLSearchParams(), filters))).toEqual(filters);
        if (filters.status) expect(statusFilters).toContain(filters.status);
        if (filters.channel) expect(channels).toContain(filters.channel);
        if (filters.source) expect(filters.source).toMatch(/^[a-z0-9_-]{1,50}$/);
      }),
    );
  });
});

describe('channel bar and chips', () => {
  it('names marketplaces by their source and finds the active bar entry', () => {
    const active = (f: Pick<TicketFilters, 'channel' | 'source'>) => {
      const option = activeChannelOption(f);
      return option && channelOptionLabel(option, en);
    };
    expect(active({ channel: 'marketplace', source: 'ebay' })).toBe('eBay');
    expect(active({})).toBe('All');
    expect(activeChannelOption({ channel: 'marketplace' })).toBeUndefined();
    expect(channelFilterLabel({ channel: 'in_store' }, en)).toBe('In store');
    expect(channelFilterLabel({ channel: 'marketplace', source: 'tokopedia' }, en)).toBe('Marketplace · tokopedia');
    expect(channelFilterLabel({}, en)).toBeUndefined();
  });

  it('words the channel bar in the language shown, keeping brand names as they are', () => {
    expect(channelOptions.map((o) => channelOptionLabel(o, en))).toEqual(['All', 'Website', 'Email', 'Phone', 'In store', 'Reviews', 'eBay', 'Amazon', 'B2B', 'API', 'Chat']);
    expect(channelOptions.map((o) => channelOptionLabel(o, id))).toEqual(['Semua', 'Situs web', 'Email', 'Telepon', 'Di toko', 'Ulasan', 'eBay', 'Amazon', 'B2B', 'API', 'Chat']);
    expect(channelFilterLabel({ channel: 'review', source: 'google' }, id)).toBe('Ulasan · google');
  });

  it('offers one removable chip per active filter, each removing only itself', () => {
    const filters: TicketFilters = { status: 'pending', channel: 'marketplace', source: 'b2b', assignee: 'me', priority: 'high', sort: 'number' };
    const chips = filterChips(filters, en);
    expect(chips.map((c) => c.label)).toEqual(['On hold', 'B2B', 'Assigned to me', 'High priority']);
    expect(filterChips(filters, id).map((c) => c.label)).toEqual(['Ditunda', 'B2B', 'Ditugaskan ke saya', 'Prioritas Tinggi']);
    expect(readTicketFilters(writeTicketFilters(new URLSearchParams(), chips[1].without))).toEqual({ status: 'pending', assignee: 'me', priority: 'high', sort: 'number' });
    expect(filterChips({ sort: '-due' }, en)).toEqual([]);
  });

  it('the "To verify" list is a filter of its own: read from the URL, a chip in both languages, a narrowing of the counts', () => {
    expect(readTicketFilters(new URLSearchParams('verification=unverified&status=new'))).toEqual({ verification: 'unverified', status: 'new' });
    // Only the list of those waiting is offered; other states are found by search.
    expect(readTicketFilters(new URLSearchParams('verification=rejected'))).toEqual({});
    const chips = filterChips({ verification: 'unverified', priority: 'high' }, en);
    expect(chips.map((c) => c.label)).toEqual(['High priority', 'To verify']);
    expect(filterChips({ verification: 'unverified' }, id).map((c) => c.label)).toEqual(['Perlu verifikasi']);
    expect(chips[1].without).toEqual({ priority: 'high', verification: undefined });
    expect(countFiltersOf({ verification: 'unverified', status: 'new' })).toEqual({ verification: 'unverified' });
  });

  it('counts under every filter but the status and the order', () => {
    expect(countFiltersOf({ status: 'new', channel: 'email', priority: 'low', sort: 'due' })).toEqual({ channel: 'email', priority: 'low' });
  });
});
