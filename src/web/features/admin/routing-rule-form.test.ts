import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RoutingRule } from '../../../contract/routing.ts';
import { resources } from '../../i18n/resources.ts';
import { checkRule, ruleErrorField, ruleToForm, splitList } from './routing-rule-form.ts';

const rule: RoutingRule = {
  id: 4,
  name: 'eBay refunds',
  position: 0,
  channels: ['marketplace'],
  sources: ['ebay', 'amazon'],
  category_ids: null,
  customer_ids: [12],
  subject_keywords: ['refund', 'money back'],
  department_id: 3,
  is_active: true,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe('the routing rule form', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));

  it('sends a rule back as it was read', () => {
    const { id: _id, position: _p, created_at: _c, updated_at: _u, ...fields } = rule;
    expect(checkRule(ruleToForm(rule))).toEqual({ body: fields, errors: null });
  });

  it('reads sources at commas or spaces (in lower case) and keywords one per line, each once', () => {
    const form = { ...ruleToForm(rule), sources: { isAny: false, text: 'Website, ebay  google,ebay' }, subject_keywords: { isAny: false, text: 'refund\n  money back \n\nrefund' } };
    expect(checkRule(form).body).toMatchObject({ sources: ['website', 'ebay', 'google'], subject_keywords: ['refund', 'money back'] });
    expect(splitList(' a, b ,,c ', /[\s,;]+/)).toEqual(['a', 'b', 'c']);
  });

  it('asks for a department, a name, and something in each list that is not "any"', () => {
    const form = { ...ruleToForm(), channels: { isAny: false, chosen: [] }, subject_keywords: { isAny: false, text: ' \n' } };
    expect(checkRule(form).errors).toEqual({
      name: 'Required',
      department_id: 'Choose one of the options',
      channels: 'Choose at least one, or choose Any',
      subject_keywords: 'Choose at least one, or choose Any',
    });
  });

  it('names a bad source or keyword at its list, in the form’s words', () => {
    const form = { ...ruleToForm(rule), sources: { isAny: false, text: 'web shop!' }, subject_keywords: { isAny: false, text: 'refund\n!!!' } };
    expect(checkRule(form).errors).toEqual({
      sources: '“shop!” is not a source: use lower-case letters, digits, - and _',
      subject_keywords: '“!!!” needs a letter or a digit (at most 100 characters)',
    });
    expect(ruleErrorField('customer_ids.0')).toBe('customer_ids');
    expect(ruleErrorField('department_id')).toBe('department_id');
  });
});
