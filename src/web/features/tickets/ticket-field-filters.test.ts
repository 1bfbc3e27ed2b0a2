import { describe, expect, it } from 'vitest';
import type { TicketField } from '../../../contract/ticket-fields.ts';
import { chosenFieldValue, describeFieldFilter, fieldFilterChoices, splitFieldFilter, withFieldValue } from './ticket-field-filters.ts';
import { filterChips, readTicketFilters, ticketListPath, writeTicketFilters } from './ticket-filters.ts';

const base = { required: false, customer_visible: false, on_agent_form: true, on_portal_form: false, retired: false, created_at: '', updated_at: '' };
const fields: TicketField[] = [
  { ...base, id: 1, key: 'serial', type: 'text', labels: { en: 'Serial', id: null }, options: [], position: 0 },
  {
    ...base,
    id: 2,
    key: 'product_line',
    type: 'select',
    labels: { en: 'Product line', id: 'Lini produk' },
    options: [
      { key: 'garden', labels: { en: 'Garden', id: 'Taman' }, retired: true },
      { key: 'kitchen', labels: { en: 'Kitchen', id: 'Dapur' }, retired: false },
    ],
    position: 2,
  },
  { ...base, id: 3, key: 'warranty', type: 'checkbox', labels: { en: 'Warranty', id: 'Garansi' }, options: [], position: 1 },
  { ...base, id: 4, key: 'old_flag', type: 'checkbox', labels: { en: 'Old flag', id: null }, options: [], position: 3, retired: true },
];
const words = { yes: 'Yes', no: 'No', retired: (label: string) => `${label} (retired)` };

describe('the dashboard’s field filter', () => {
  it('offers the choice fields in use, in form order; retired options last, marked; checkboxes Yes and No', () => {
    expect(fieldFilterChoices(fields, 'en', words)).toEqual([
      { key: 'warranty', label: 'Warranty', options: [{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }] },
      { key: 'product_line', label: 'Product line', options: [{ value: 'kitchen', label: 'Kitchen' }, { value: 'garden', label: 'Garden (retired)' }] },
    ]);
    expect(fieldFilterChoices(fields, 'id', words)[1].options[0].label).toBe('Dapur');
  });

  it('keeps one value per field: choosing another replaces it, Any takes it away', () => {
    const one = withFieldValue(undefined, 'product_line', 'kitchen');
    expect(one).toEqual(['product_line:kitchen']);
    const two = withFieldValue(one, 'warranty', 'true');
    expect(withFieldValue(two, 'product_line', 'garden')).toEqual(['warranty:true', 'product_line:garden']);
    expect(withFieldValue(one, 'product_line', undefined)).toBeUndefined();
    expect(chosenFieldValue(two, 'warranty')).toBe('true');
    expect(chosenFieldValue(two, 'serial')).toBeUndefined();
  });

  it('splits at the first colon: a value may hold colons', () => {
    expect(splitFieldFilter('serial:SN:12')).toEqual({ key: 'serial', value: 'SN:12' });
  });

  it('words a filter by its labels; an unknown field as the URL has it', () => {
    expect(describeFieldFilter(fields, 'product_line:garden', 'en', words)).toBe('Product line: Garden (retired)');
    expect(describeFieldFilter(fields, 'warranty:false', 'id', { ...words, no: 'Tidak' })).toBe('Garansi: Tidak');
    expect(describeFieldFilter(fields, 'old_flag:true', 'en', words)).toBe('Old flag: Yes');
    expect(describeFieldFilter(fields, 'gone:x', 'en', words)).toBe('gone:x');
  });
});

describe('field filters in the URL and the request', () => {
  it('are read from repeated field= parameters, once each, ignoring ones the API would refuse', () => {
    const params = new URLSearchParams('field=product_line:kitchen&field=warranty:true&field=product_line:kitchen&field=Bad:x&field=nokey&status=open');
    expect(readTicketFilters(params)).toEqual({ status: 'open', field: ['product_line:kitchen', 'warranty:true'] });
  });

  it('are written back as repeated parameters and read again alike; none leaves no parameter', () => {
    const written = writeTicketFilters(new URLSearchParams('field=old:x&q=keep'), { field: ['product_line:kitchen', 'warranty:false'] });
    expect(written.getAll('field')).toEqual(['product_line:kitchen', 'warranty:false']);
    expect(written.get('q')).toBe('keep');
    expect(readTicketFilters(written).field).toEqual(['product_line:kitchen', 'warranty:false']);
    expect(writeTicketFilters(written, {}).has('field')).toBe(false);
  });

  it('reach the API as one field= each, empty parameters left out', () => {
    expect(ticketListPath('/tickets', { limit: 50, status: 'open', field: ['product_line:kitchen', 'warranty:true'], cursor: null, source: '' })).toBe(
      '/tickets?limit=50&status=open&field=product_line%3Akitchen&field=warranty%3Atrue',
    );
    expect(ticketListPath('/tickets/stats', {})).toBe('/tickets/stats');
  });
});

describe('field filter chips', () => {
  it('each field filter is a chip that removes only itself, worded by its labels', () => {
    const t = ((key: string) => key) as unknown as Parameters<typeof filterChips>[1];
    const chips = filterChips({ status: 'open', field: ['product_line:kitchen', 'warranty:true'] }, t, undefined, (f) => describeFieldFilter(fields, f, 'en', words));
    expect(chips.map((c) => c.label)).toEqual(['common:status.open', 'Product line: Kitchen', 'Warranty: Yes']);
    expect(chips[1].without).toEqual({ status: 'open', field: ['warranty:true'] });
    expect(filterChips({ field: ['warranty:true'] }, t)[0]).toEqual({ label: 'warranty:true', without: { field: undefined } });
  });
});
