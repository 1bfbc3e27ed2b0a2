import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFieldValues, type FieldRule } from '../server/ticket-fields/field-values.ts';
import {
  changedValues,
  displayOf,
  emptyInput,
  type FieldLike,
  fieldKeyOfIssue,
  inputOf,
  inputsOf,
  labelIn,
  newTicketValues,
  offeredOptions,
  parseNumber,
  valueOf,
} from './ticket-field-display.ts';
import { ticketFieldTypes } from './ticket-fields.ts';

const labels = (en: string, id: string | null = null) => ({ en, id });
const productLine: FieldLike = {
  key: 'product_line',
  type: 'select',
  labels: labels('Product line', 'Lini produk'),
  required: true,
  options: [
    { key: 'kitchen', labels: labels('Kitchen', 'Dapur'), retired: false },
    { key: 'garden', labels: labels('Garden'), retired: true },
    { key: 'audio', labels: labels('Audio'), retired: false },
  ],
};
const field = (key: string, type: FieldLike['type'], extra: Partial<FieldLike> = {}): FieldLike => ({ key, type, labels: labels(key), options: [], required: false, ...extra });
const tags = field('tags', 'multi_select', { options: productLine.options });
const warranty = field('warranty', 'checkbox');
const amount = field('amount', 'number');
const bought = field('bought_on', 'date');
const note = field('note', 'long_text');
const serial = field('serial', 'text', { required: true });

describe('labels in the language shown', () => {
  it('Bahasa Indonesia uses the Indonesian label, and English when a field has none', () => {
    expect(labelIn(productLine.labels, 'id')).toBe('Lini produk');
    expect(labelIn(productLine.labels, 'en')).toBe('Product line');
    expect(labelIn(labels('Garden'), 'id')).toBe('Garden');
    expect(labelIn(labels('Garden', '  '), 'id')).toBe('Garden');
  });
});

describe('numbers as typed', () => {
  it('reads plain, negative and comma decimals; nothing is null; words are no number', () => {
    expect(parseNumber('1500')).toBe(1500);
    expect(parseNumber(' -2.5 ')).toBe(-2.5);
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber('1 500')).toBe(1500);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeUndefined();
    expect(parseNumber('1e400')).toBeUndefined();
    expect(parseNumber('1,000.5')).toBeUndefined();
  });
});

describe('inputs and values', () => {
  it('an empty input of every type is no value (a checkbox is false)', () => {
    for (const type of ticketFieldTypes) {
      const result = valueOf(field('f', type), emptyInput(type));
      expect(result).toEqual({ ok: true, value: type === 'checkbox' ? false : null });
    }
  });

  it('a stored value gives an input that gives the value back', () => {
    const cases: [FieldLike, unknown][] = [
      [productLine, 'kitchen'],
      [tags, ['kitchen', 'audio']],
      [warranty, true],
      [amount, 12.75],
      [bought, '2026-02-28'],
      [note, 'Line one\nLine two'],
      [serial, 'SN-1'],
    ];
    for (const [f, value] of cases) expect(valueOf(f, inputOf(f, value))).toEqual({ ok: true, value });
  });

  it('multi select values follow the options’ order, as the server stores them', () => {
    expect(valueOf(tags, ['audio', 'kitchen'])).toEqual({ ok: true, value: ['kitchen', 'audio'] });
  });

  it('text is trimmed, a long text keeps its inner lines, a bad date or number is a problem', () => {
    expect(valueOf(serial, '  SN-2 ')).toEqual({ ok: true, value: 'SN-2' });
    expect(valueOf(note, 'a\n\nb  \n')).toEqual({ ok: true, value: 'a\n\nb' });
    expect(valueOf(bought, '2026-02-30')).toEqual({ ok: false, problem: 'date' });
    expect(valueOf(amount, 'ten')).toEqual({ ok: false, problem: 'number' });
  });

  it('inputsOf gives every field an input, empty when the ticket has no value', () => {
    expect(inputsOf([productLine, tags, warranty], { product_line: 'audio' })).toEqual({ product_line: 'audio', tags: [], warranty: false });
  });
});

describe('the values of a new ticket', () => {
  it('sends only what is filled, a checkbox only when ticked, and names required fields left empty', () => {
    const result = newTicketValues([productLine, tags, warranty, amount, serial], { product_line: '', tags: ['audio'], warranty: false, amount: '3' });
    expect(result.values).toEqual({ tags: ['audio'], amount: 3 });
    expect(result.problems).toEqual({ product_line: 'required', serial: 'required' });
  });

  it('a required checkbox must be ticked', () => {
    const consent = field('consent', 'checkbox', { required: true });
    expect(newTicketValues([consent], { consent: false }).problems).toEqual({ consent: 'required' });
    expect(newTicketValues([consent], { consent: true })).toEqual({ values: { consent: true }, problems: {} });
  });

  it('what the form lets through, the server accepts (property)', () => {
    const rules: FieldRule[] = [productLine, tags, warranty, amount, bought, note, serial].map((f) => ({ ...f, options: [...f.options], retired: false, on_agent_form: true, on_portal_form: false }));
    const input = fc.record({
      product_line: fc.constantFrom('', 'kitchen', 'audio'),
      tags: fc.subarray(['kitchen', 'audio']),
      warranty: fc.boolean(),
      amount: fc.oneof(fc.constant(''), fc.integer({ min: -1e6, max: 1e6 }).map(String)),
      bought_on: fc.constantFrom('', '2026-01-31', '2024-02-29'),
      note: fc.string({ maxLength: 40 }),
      serial: fc.string({ maxLength: 40 }).filter((s) => !/[\r\n]/.test(s)),
    });
    fc.assert(
      fc.property(input, (inputs) => {
        const { values, problems } = newTicketValues([productLine, tags, warranty, amount, bought, note, serial], inputs);
        if (Object.keys(problems).length > 0) return;
        expect(checkFieldValues(rules, values, { form: 'agent', current: null }).issues).toEqual([]);
      }),
    );
  });
});

describe('the values of a change', () => {
  const current = { product_line: 'garden', tags: ['kitchen'], warranty: true, amount: 5 };
  const fields = [productLine, tags, warranty, amount, bought];

  it('sends only the fields that changed, null to clear one', () => {
    const inputs = { ...inputsOf(fields, current), tags: [], amount: '5', bought_on: '2026-03-01' };
    expect(changedValues(fields, inputs, current)).toEqual({ values: { tags: null, bought_on: '2026-03-01' }, problems: {} });
  });

  it('unticking a checkbox sends false; a checkbox never set and not ticked is no change', () => {
    expect(changedValues([warranty], { warranty: false }, current).values).toEqual({ warranty: false });
    expect(changedValues([warranty], { warranty: false }, {}).values).toEqual({});
  });

  it('a required field cannot be cleared; a retired option kept is no change', () => {
    expect(changedValues([productLine], { product_line: '' }, current)).toEqual({ values: {}, problems: { product_line: 'required' } });
    expect(changedValues([productLine], { product_line: 'garden' }, current).values).toEqual({});
  });

  it('fields without an input are left alone', () => {
    expect(changedValues(fields, {}, current)).toEqual({ values: {}, problems: {} });
  });
});

describe('what a value reads as', () => {
  it('a select shows its option’s label, a retired one marked, an unknown key as itself', () => {
    expect(displayOf(productLine, 'kitchen', 'id')).toEqual({ kind: 'options', options: [{ key: 'kitchen', label: 'Dapur', retired: false }] });
    expect(displayOf(productLine, 'garden', 'en')).toEqual({ kind: 'options', options: [{ key: 'garden', label: 'Garden', retired: true }] });
    expect(displayOf(productLine, 'gone', 'en')).toEqual({ kind: 'options', options: [{ key: 'gone', label: 'gone', retired: false }] });
  });

  it('numbers, dates, checkboxes and nothing', () => {
    expect(displayOf(amount, 3.5, 'en')).toEqual({ kind: 'number', value: 3.5 });
    expect(displayOf(bought, '2026-01-02', 'en')).toEqual({ kind: 'date', day: '2026-01-02' });
    expect(displayOf(warranty, undefined, 'en')).toEqual({ kind: 'checkbox', checked: false });
    expect(displayOf(tags, [], 'en')).toEqual({ kind: 'empty' });
    expect(displayOf(serial, undefined, 'en')).toEqual({ kind: 'empty' });
    expect(displayOf(note, 'x', 'en')).toEqual({ kind: 'text', text: 'x' });
  });

  it('an input offers the options not retired, and a retired one only while chosen', () => {
    expect(offeredOptions(productLine, [], 'en').map((o) => o.key)).toEqual(['kitchen', 'audio']);
    expect(offeredOptions(productLine, ['garden'], 'en').map((o) => o.key)).toEqual(['kitchen', 'garden', 'audio']);
  });
});

describe('refusals at their field', () => {
  it('reads the field key from the path a 400 names', () => {
    expect(fieldKeyOfIssue('body.custom_fields.product_line')).toBe('product_line');
    expect(fieldKeyOfIssue('custom_fields.size')).toBe('size');
    expect(fieldKeyOfIssue('body.subject')).toBeNull();
  });
});
