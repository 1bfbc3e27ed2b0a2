import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channels, listTicketsQuery, priorities } from '../../../contract/tickets.ts';
import { ApiError } from '../../lib/api-client.ts';
import {
  channelValue,
  checkSearchForm,
  emptySearchForm,
  isEmptySearch,
  nextSearchSort,
  normalizeSearchForm,
  parseChannelValue,
  readSearchParams,
  readSort,
  type SearchForm,
  searchChannels,
  searchStatuses,
  serverSearchErrors,
  toSearchQuery,
  writeSearchParams,
} from './search-form.ts';

const form = (overrides: Partial<SearchForm>): SearchForm => ({ ...emptySearchForm, ...overrides });

describe('search form → URL and API query', () => {
  it('sends only the given criteria, trimmed, with lists as comma lists in a fixed order', () => {
    const query = toSearchQuery(
      form({ q: '  blender cracked ', status: ['pending', 'new'], priority: ['urgent', 'low'], department: '3', channel: 'marketplace', source: 'ebay', created_from: '2026-03-01' }),
    );
    expect(query).toEqual({ q: 'blender cracked', status: 'new,pending', priority: 'low,urgent', department: '3', channel: 'marketplace', source: 'ebay', created_from: '2026-03-01' });
  });

  it('sends a contact with an @ as the email and anything else as the phone', () => {
    expect(toSearchQuery(form({ contact: ' Budi@Example.com ' }))).toEqual({ email: 'Budi@Example.com' });
    expect(toSearchQuery(form({ contact: '+62 812-3456-7890' }))).toEqual({ phone: '+62 812-3456-7890' });
  });

  it('reads a bookmarked URL back into the form, dropping statuses and channels it does not know', () => {
    const params = new URLSearchParams('q=jug&status=open,bogus,new&priority=high&channel=fax&phone=0812&sort=-priority');
    expect(readSearchParams(params)).toEqual(form({ q: 'jug', status: ['new', 'open'], priority: ['high'], contact: '0812' }));
    expect(readSort(params)).toBe('-priority');
    expect(readSort(new URLSearchParams('sort=colour'))).toBeUndefined();
  });

  it('keeps the table order in the URL after the criteria', () => {
    expect(writeSearchParams(form({ number: '20260042' }), 'priority').toString()).toBe('number=20260042&sort=priority');
  });

  it('orders ranked results by the clicked column in its natural direction, and names newest first in the URL', () => {
    expect(nextSearchSort(undefined, 'created_at', true)).toBe('-created_at');
    expect(nextSearchSort(undefined, 'due', true)).toBe('due');
    expect(nextSearchSort(undefined, 'number', true)).toBe('-number');
    expect(nextSearchSort('created_at', 'created_at', true)).toBe('-created_at');
    expect(nextSearchSort('-created_at', 'created_at', true)).toBe('created_at');
    // Without words the list is newest first anyway, as on the dashboard.
    expect(nextSearchSort(undefined, 'created_at', false)).toBe('created_at');
    expect(nextSearchSort('created_at', 'created_at', false)).toBeUndefined();
  });

  it('treats a form of blanks as no search at all', () => {
    expect(isEmptySearch(form({ q: '   ', contact: ' ' }))).toBe(true);
    expect(isEmptySearch(form({ status: ['overdue'] }))).toBe(false);
  });

  it('maps every channel choice to its select value and back', () => {
    for (const c of searchChannels) {
      const value = { channel: c.channel, source: c.source ?? '' };
      expect(parseChannelValue(channelValue(value))).toEqual(value);
    }
    expect(parseChannelValue('')).toEqual({ channel: '', source: '' });
  });
});

const text = fc.string({ unit: 'grapheme', maxLength: 30 });
const anId = fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 1_000_000_000 }).map(String));
const arbitraryForm: fc.Arbitrary<SearchForm> = fc.record({
  q: text,
  number: text,
  contact: text,
  order_number: text,
  transaction_ref: text,
  status: fc.subarray([...searchStatuses]),
  priority: fc.subarray([...priorities]),
  department: text,
  category: text,
  channel: fc.constantFrom('' as const, ...channels),
  source: text,
  created_from: text,
  created_to: text,
  customer_id: anId,
  customer_user_id: anId,
});

const day = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
// Values an agent would type, so that most generated forms pass and the checks are really compared with the server's.
const plausibleForm: fc.Arbitrary<SearchForm> = fc.record({
  q: fc.string({ maxLength: 210 }),
  number: fc.stringMatching(/^[0-9A-Z-]{0,42}$/),
  contact: fc.oneof(fc.stringMatching(/^\+?[0-9 -]{0,12}$/), fc.emailAddress(), fc.string({ maxLength: 5 })),
  order_number: fc.string({ maxLength: 102 }),
  transaction_ref: fc.string({ maxLength: 12 }),
  status: fc.subarray([...searchStatuses]),
  priority: fc.subarray([...priorities]),
  department: fc.constantFrom('', '1', '42', '0'),
  category: fc.constantFrom('', '7'),
  channel: fc.constantFrom('' as const, ...channels),
  source: fc.constantFrom('', 'ebay', 'b2b', 'E Bay'),
  created_from: fc.oneof(fc.constant(''), day),
  created_to: fc.oneof(fc.constant(''), day),
  customer_id: anId,
  customer_user_id: anId,
});

describe('URL ⇄ form round trip', () => {
  it('reads back exactly the (trimmed, ordered) form that was written', () => {
    fc.assert(
      fc.property(arbitraryForm, fc.shuffledSubarray([...searchStatuses]), (f, shuffled) => {
        const given = { ...f, status: shuffled };
        const back = readSearchParams(writeSearchParams(given));
        expect(back).toEqual(normalizeSearchForm(given));
        expect(writeSearchParams(back).toString()).toBe(writeSearchParams(given).toString());
        expect(toSearchQuery(back)).toEqual(toSearchQuery(given));
      }),
    );
  });

  it('gives the same URL for any URL read and written again', () => {
    const param = fc.constantFrom('q', 'status', 'priority', 'phone', 'email', 'channel', 'source', 'created_to', 'sort', 'other');
    fc.assert(
      fc.property(fc.array(fc.tuple(param, text), { maxLength: 8 }), (pairs) => {
        const once = writeSearchParams(readSearchParams(new URLSearchParams(pairs)));
        expect(writeSearchParams(readSearchParams(once)).toString()).toBe(once.toString());
      }),
    );
  });

  it('never sends the server a query it would refuse once the form passes its checks', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryForm, plausibleForm), (f) => {
        if (Object.keys(checkSearchForm(f)).length > 0) return;
        expect(listTicketsQuery.safeParse(toSearchQuery(f)).success).toBe(true);
      }),
    );
  });

  it('passes what the server takes, unless the range runs backwards or the contact is no phone or email', () => {
    fc.assert(
      fc.property(plausibleForm, (f) => {
        const errors = checkSearchForm(f);
        const isServerOk = listTicketsQuery.safeParse(toSearchQuery(f)).success;
        if (!isServerOk) {
          expect(errors).not.toEqual({});
          return;
        }
        const contact = f.contact.trim();
        expect(errors).toEqual({
          ...(f.created_to && f.created_from > f.created_to ? { created_to: { kind: 'range' } } : {}),
          ...(contact && !/\d|@/.test(contact) ? { contact: { kind: 'contact' } } : {}),
        });
      }),
    );
  });
});

describe('checks before sending', () => {
  it('refuses what the server refuses, at the field the agent typed it in', () => {
    const errors = checkSearchForm(form({ q: 'x'.repeat(201), contact: '81', number: 'n'.repeat(41), order_number: 'o'.repeat(101), department: 'returns' }));
    expect(errors).toEqual({
      q: { kind: 'max', count: 200 },
      contact: { kind: 'min', count: 3 },
      number: { kind: 'max', count: 40 },
      order_number: { kind: 'max', count: 100 },
      department: { kind: 'invalid' },
    });
  });

  it('refuses a range that ends before it starts, at its end, and accepts a one-day range', () => {
    expect(checkSearchForm(form({ created_from: '2026-03-10', created_to: '2026-03-01' }))).toEqual({ created_to: { kind: 'range' } });
    expect(checkSearchForm(form({ created_from: '2026-03-10', created_to: '2026-03-10' }))).toEqual({});
  });

  it('takes dates as whole days only', () => {
    expect(checkSearchForm(form({ created_from: '2026-02-30' }))).toEqual({ created_from: { kind: 'date' } });
    expect(checkSearchForm(form({ created_to: '2026-03-01T10:00:00Z' }))).toEqual({ created_to: { kind: 'date' } });
  });

  it('asks for a phone number or an email when the contact has neither digits nor an @', () => {
    expect(checkSearchForm(form({ contact: 'Budi Santoso' }))).toEqual({ contact: { kind: 'contact' } });
    expect(checkSearchForm(form({ contact: 'budi@example.com' }))).toEqual({});
    expect(checkSearchForm(form({ contact: '0812 3456 7890' }))).toEqual({});
  });
});

describe("the server's 400", () => {
  it('puts each refused parameter at its form field', () => {
    const error = new ApiError(400, 'validation_error', 'Invalid request', [
      { field: 'querystring.phone', message: 'Too small' },
      { field: 'querystring.source', message: 'lower-case letters' },
      { field: 'querystring.created_to', message: 'Invalid input' },
      { field: 'querystring.limit', message: 'Too big' },
    ]);
    expect(serverSearchErrors(error)).toEqual({
      contact: { kind: 'server', message: 'Too small' },
      channel: { kind: 'server', message: 'lower-case letters' },
      created_to: { kind: 'server', message: 'Invalid input' },
    });
  });

  it('places nothing for other failures', () => {
    expect(serverSearchErrors(new ApiError(500, 'internal', 'Internal error'))).toEqual({});
    expect(serverSearchErrors(new Error('offline'))).toEqual({});
  });
});
