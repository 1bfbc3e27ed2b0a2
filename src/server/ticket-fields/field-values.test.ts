import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFieldValues, keyFromLabel, mergeOptions, type FieldRule } from './field-values.ts';

const opt = (key: string, retired = false) => ({ key, labels: { en: key.toUpperCase(), id: null }, retired });
const rule = (key: string, type: FieldRule['type'], more: Partial<FieldRule> = {}): FieldRule => ({
  key,
  type,
  options: [],
  required: false,
  retired: false,
  on_agent_form: true,
  on_portal_form: false,
  ...more,
});
const rules: FieldRule[] = [
  rule('size', 'select', { options: [opt('s'), opt('m'), opt('xl', true)], required: true }),
  rule('colors', 'multi_select', { options: [opt('red'), opt('blue'), opt('old', true)] }),
  rule('note', 'text'),
  rule('story', 'long_text'),
  rule('weight', 'number'),
  rule('bought_on', 'date'),
  rule('consent', 'checkbox', { required: true, on_agent_form: false, on_portal_form: true }),
  rule('legacy', 'text', { retired: true }),
];
const create = (input: Record<string, unknown>, form: 'agent' | 'portal' | null = 'agent') => checkFieldValues(rules, input, { form, current: null });
const fields = (r: { issues: { field: string }[] }) => r.issues.map((i) => i.field).sort();

describe('checkFieldValues', () => {
  it('accepts values of every type and stores them normalised', () => {
    const r = create({ size: 'm', colors: ['blue', 'red', 'blue'], note: '  hi  ', story: 'long\ntext  ', weight: 2.5, bought_on: '2026-02-28' });
    expect(r.issues).toEqual([]);
    expect(r.values).toEqual({ size: 'm', colors: ['red', 'blue'], note: 'hi', story: 'long\ntext', weight: 2.5, bought_on: '2026-02-28' });
  });

  it('refuses wrong types, unknown options and unknown fields, each at its field', () => {
    const r = create({ size: 'xxl', colors: 'red', note: 5, weight: '3', bought_on: '2026-02-30', nope: 1, story: 'x'.repeat(10_001) });
    expect(fields(r)).toEqual(['body.custom_fields.bought_on', 'body.custom_fields.colors', 'body.custom_fields.nope', 'body.custom_fields.note', 'body.custom_fields.size', 'body.custom_fields.story', 'body.custom_fields.weight']);
    expect(r.issues.find((i) => i.field.endsWith('.size'))?.message).toBe('must be one of: s, m');
  });

  it('asks required fields on the form that shows them only', () => {
    expect(fields(create({}))).toEqual(['body.custom_fields.size']);
    expect(fields(create({}, 'portal'))).toEqual(['body.custom_fields.consent']);
    expect(fields(create({ consent: false }, 'portal'))).toEqual(['body.custom_fields.consent']);
    expect(create({ consent: true }, 'portal').issues).toEqual([]);
    // Mail, reviews and orders arrive through no form: nothing is asked of them.
    expect(create({}, null).issues).toEqual([]);
  });

  it('refuses a retired option or field for new values, keeps them where stored already', () => {
    expect(fields(create({ size: 'xl', colors: ['old'] }))).toEqual(['body.custom_fields.colors', 'body.custom_fields.size']);
    expect(fields(create({ size: 's', legacy: 'x' }))).toEqual(['body.custom_fields.legacy']);
    const current = { size: 'xl', colors: ['old'], legacy: 'kept' };
    const change = checkFieldValues(rules, { size: 'xl', colors: ['old', 'red'], legacy: 'kept', note: 'n' }, { form: null, current });
    expect(change.issues).toEqual([]);
    expect(change.values).toEqual({ size: 'xl', colors: ['red', 'old'], legacy: 'kept', note: 'n' });
    expect(fields(checkFieldValues(rules, { legacy: 'new' }, { form: null, current }))).toEqual(['body.custom_fields.legacy']);
  });

  it('clears optional values with null or empty, and refuses to clear a required one', () => {
    const current = { size: 's', note: 'n', colors: ['red'] };
    const r = checkFieldValues(rules, { note: '', colors: [] }, { form: null, current });
    expect(r).toEqual({ values: { size: 's' }, issues: [] });
    expect(fields(checkFieldValues(rules, { size: null }, { form: null, current }))).toEqual(['body.custom_fields.size']);
  });

  it('never lets a ticket created before a field became required fail a change to other fields', () => {
    const r = checkFieldValues(rules, { note: 'later' }, { form: null, current: {} });
    expect(r.issues).toEqual([]);
  });

  it('never throws, and never stores a value of an unknown field (any input)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('size', 'colors', 'note', 'story', 'weight', 'bought_on', 'consent', 'legacy', 'nope'), fc.jsonValue()), (input) => {
        const r = checkFieldValues(rules, input, { form: 'agent', current: null });
        return Object.keys(r.values).every((k) => rules.some((x) => x.key === k && !x.retired));
      }),
    );
  });
});

describe('mergeOptions', () => {
  it('keeps the order sent, keys new options from their label, and retires the ones left out', () => {
    const merged = mergeOptions([opt('s'), opt('m'), opt('l')], [
      { key: 'm', labels: { en: 'Medium', id: 'Sedang' }, retired: false },
      { labels: { en: 'Extra Large' }, retired: false } as never,
      { key: 's', labels: { en: 'S' }, retired: false } as never,
    ]);
    expect(merged.map((o) => [o.key, o.retired])).toEqual([['m', false], ['extra_large', false], ['s', false], ['l', true]]);
    expect(merged[0].labels).toEqual({ en: 'Medium', id: 'Sedang' });
  });
});

describe('keyFromLabel', () => {
  it('makes lower_snake_case keys, unique among those taken', () => {
    expect(keyFromLabel('Ukuran Sepatu (EU)', new Set())).toBe('ukuran_sepatu_eu');
    expect(keyFromLabel('Café', new Set(['cafe']))).toBe('cafe_2');
    expect(keyFromLabel('42', new Set())).toBe('f_42');
    expect(keyFromLabel('!!!', new Set())).toBe('field');
  });
  it('always makes a valid key', () => {
    fc.assert(fc.property(fc.string(), (label) => /^[a-z][a-z0-9_]{0,62}$/.test(keyFromLabel(label, new Set()))));
  });
});
