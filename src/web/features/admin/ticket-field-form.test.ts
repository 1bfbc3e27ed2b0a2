import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TicketField } from '../../../contract/ticket-fields.ts';
import { resources } from '../../i18n/resources.ts';
import { ApiError } from '../../lib/api-client.ts';
import {
  addOption,
  checkTicketField,
  errorFieldOf,
  formsOf,
  moveOption,
  retireOption,
  ticketFieldSaveErrors,
  ticketFieldToForm,
  ticketsHoldingValues,
  withType,
} from './ticket-field-form.ts';

const productLine: TicketField = {
  id: 4,
  key: 'product_line',
  type: 'select',
  labels: { en: 'Product line', id: 'Lini produk' },
  options: [
    { key: 'kitchen', labels: { en: 'Kitchen', id: 'Dapur' }, retired: false },
    { key: 'garden', labels: { en: 'Garden', id: null }, retired: true },
  ],
  required: true,
  customer_visible: false,
  on_agent_form: true,
  on_portal_form: true,
  position: 0,
  retired: false,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe('the ticket field dialog', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));

  it('a new field is text on the agents’ form, optional and internal, and is posted without a key when none is typed', () => {
    const form = { ...ticketFieldToForm(), en: ' Serial number ' };
    expect(checkTicketField(form, true)).toEqual({
      body: { create: { type: 'text', labels: { en: 'Serial number', id: null }, options: [], required: false, customer_visible: false, on_agent_form: true, on_portal_form: false } },
      errors: null,
    });
    expect(checkTicketField({ ...form, key: 'serial' }, true).body?.create?.key).toBe('serial');
  });

  it('a change is sent without key and type, with every option, retired ones as retired', () => {
    const checked = checkTicketField(ticketFieldToForm(productLine), false);
    expect(checked.body).toEqual({
      patch: {
        labels: { en: 'Product line', id: 'Lini produk' },
        options: [
          { key: 'kitchen', labels: { en: 'Kitchen', id: 'Dapur' }, retired: false },
          { key: 'garden', labels: { en: 'Garden', id: null }, retired: true },
        ],
        required: true,
        customer_visible: false,
        on_agent_form: true,
        on_portal_form: true,
      },
    });
  });

  it('a select needs an option that is not retired; an empty new row is dropped, not refused', () => {
    const form = withType({ ...ticketFieldToForm(), en: 'Size' }, 'select');
    expect(form.options).toHaveLength(1);
    expect(checkTicketField(form, true).errors).toEqual({ options: 'A drop-down or multiple choice field needs at least one option that is not retired' });
    const named = { ...form, options: [{ ...form.options[0], en: 'Small' }, ...addOption(form.options).slice(1)] };
    expect(checkTicketField(named, true).body?.create?.options).toEqual([{ labels: { en: 'Small', id: null }, retired: false }]);
  });

  it('an option with only its Indonesian label is refused at its English label', () => {
    const form = { ...withType({ ...ticketFieldToForm(), en: 'Size' }, 'select') };
    form.options = [{ ...form.options[0], id: 'Kecil' }];
    expect(checkTicketField(form, true).errors).toMatchObject({ 'option.0.en': 'Required' });
  });

  it('the key must be lower_snake_case; the English label is required', () => {
    const errors = checkTicketField({ ...ticketFieldToForm(), key: 'Product Line' }, true).errors;
    expect(errors?.key).toBe('Lower-case letters, digits and _, starting with a letter (at most 63)');
    expect(errors?.en).toBe('Required');
  });

  it('options are added, moved, retired (an unsaved one removed) and restored', () => {
    const rows = ticketFieldToForm(productLine).options;
    const added = addOption(rows);
    expect(added.map((r) => r.uid)).toEqual([0, 1, 2]);
    expect(moveOption(added, 2, -1).map((r) => r.uid)).toEqual([0, 2, 1]);
    expect(moveOption(added, 0, -1).map((r) => r.uid)).toEqual([0, 1, 2]);
    expect(retireOption(added, 2, true)).toHaveLength(2);
    expect(retireOption(added, 0, true)[0].retired).toBe(true);
    expect(retireOption(added, 1, false)[1].retired).toBe(false);
  });

  it('a choice type gives way to another: its options go', () => {
    expect(withType(ticketFieldToForm(productLine), 'number').options).toEqual([]);
  });
});

describe('refusals', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));

  it('places problems at the dialog’s inputs', () => {
    expect(errorFieldOf('labels.en')).toBe('en');
    expect(errorFieldOf('options.1.labels.en', [0, 3])).toBe('option.3.en');
    expect(errorFieldOf('options')).toBe('options');
    expect(errorFieldOf('key')).toBe('key');
  });

  it('a taken key (409) is said at the key, a select without options (400) at the options', () => {
    const taken = new ApiError(409, 'conflict', 'A ticket field with the key "size" exists already', [{ field: 'body.key', message: 'this key is taken' }]);
    expect(ticketFieldSaveErrors(taken)).toEqual({ key: 'Another field has this key; choose another' });
    const noOption = new ApiError(400, 'validation_error', 'invalid', [{ field: 'body.options', message: 'a select field needs at least one option' }]);
    expect(ticketFieldSaveErrors(noOption)).toEqual({ options: 'A drop-down or multiple choice field needs at least one option that is not retired' });
    expect(ticketFieldSaveErrors(new ApiError(409, 'conflict', 'At most 100 fields'))).toEqual({});
  });

  it('a refused delete tells how many tickets hold a value', () => {
    expect(ticketsHoldingValues(new ApiError(409, 'conflict', '3 tickets hold…', { tickets: 3 }))).toBe(3);
    expect(ticketsHoldingValues(new ApiError(404, 'not_found', 'gone'))).toBeNull();
  });

  it('names the forms a field is asked on', () => {
    expect(formsOf(productLine)).toEqual(['agent', 'portal']);
    expect(formsOf({ on_agent_form: false, on_portal_form: false })).toEqual([]);
  });
});
