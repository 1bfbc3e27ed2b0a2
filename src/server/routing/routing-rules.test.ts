import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchRoutingRule, ruleMatches, type RoutingFacts, type RoutingRuleSpec } from './routing-rules.ts';

const ticket = (overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  channel: 'email',
  source: '',
  category_id: null,
  customer_id: null,
  subject: 'The blender arrived cracked',
  ...overrides,
});

const rule = (overrides: Partial<RoutingRuleSpec> = {}): RoutingRuleSpec => ({
  id: 1,
  position: 0,
  is_active: true,
  channels: null,
  sources: null,
  category_ids: null,
  customer_ids: null,
  subject_keywords: null,
  ...overrides,
});

const channelArb = fc.constantFrom('web', 'email', 'phone', 'in_store', 'marketplace');
const sourceArb = fc.constantFrom('', 'ebay', 'amazon', 'website');
const idArb = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null });
const facts = fc.record({ channel: channelArb, source: sourceArb, category_id: idArb, customer_id: idArb, subject: fc.constantFrom('Refund please', 'Broken screen', 'Where is my parcel') });
const listOf = <T>(arb: fc.Arbitrary<T>) => fc.option(fc.uniqueArray(arb, { minLength: 1, maxLength: 3 }), { nil: null });
const rules = fc
  .array(
    fc.record({
      position: fc.integer({ min: 0, max: 5 }),
      is_active: fc.boolean(),
      channels: listOf(channelArb),
      sources: listOf(fc.constantFrom('ebay', 'amazon', 'website')),
      category_ids: listOf(fc.integer({ min: 1, max: 4 })),
      customer_ids: listOf(fc.integer({ min: 1, max: 4 })),
      subject_keywords: listOf(fc.constantFrom('refund', 'broken screen', 'parcel', 'screen broken')),
    }),
    { maxLength: 8 },
  )
  .map((list) => list.map((r, i) => ({ ...r, id: i + 1 })));

describe('routing rules', () => {
  it('a rule with every list null matches any ticket', () => {
    expect(ruleMatches(rule(), ticket())).toBe(true);
  });

  it('each list must hold the ticket’s value; a ticket without the value does not match a list', () => {
    expect(ruleMatches(rule({ channels: ['email', 'web'] }), ticket())).toBe(true);
    expect(ruleMatches(rule({ channels: ['phone'] }), ticket())).toBe(false);
    expect(ruleMatches(rule({ sources: ['ebay'] }), ticket({ channel: 'marketplace', source: 'ebay' }))).toBe(true);
    expect(ruleMatches(rule({ sources: ['ebay'] }), ticket())).toBe(false);
    expect(ruleMatches(rule({ category_ids: [3] }), ticket({ category_id: 3 }))).toBe(true);
    expect(ruleMatches(rule({ category_ids: [3] }), ticket())).toBe(false);
    expect(ruleMatches(rule({ customer_ids: [9] }), ticket({ customer_id: 9 }))).toBe(true);
    expect(ruleMatches(rule({ customer_ids: [9] }), ticket({ customer_id: 8 }))).toBe(false);
    expect(ruleMatches(rule({ subject_keywords: ['refund', 'cracked'] }), ticket())).toBe(true);
    expect(ruleMatches(rule({ subject_keywords: ['crack'] }), ticket())).toBe(false);
    expect(ruleMatches(rule({ channels: ['email'], subject_keywords: ['refund'] }), ticket())).toBe(false);
  });

  it('the first active match by position wins, then the lower id', () => {
    const rules = [rule({ id: 1, position: 2 }), rule({ id: 2, position: 1, is_active: false }), rule({ id: 3, position: 1, channels: ['phone'] }), rule({ id: 4, position: 1 }), rule({ id: 5, position: 1 })];
    expect(matchRoutingRule(rules, ticket())?.id).toBe(4);
    expect(matchRoutingRule(rules, ticket({ channel: 'phone' }))?.id).toBe(3);
    expect(matchRoutingRule([], ticket())).toBeNull();
  });

  it('property: the chosen rule is active and matches, and no active matching rule comes before it', () => {
    fc.assert(
      fc.property(rules, facts, (list, t) => {
        const chosen = matchRoutingRule(list, t);
        const before = (a: RoutingRuleSpec, b: RoutingRuleSpec) => a.position < b.position || (a.position === b.position && a.id < b.id);
        if (chosen === null) {
          expect(list.some((r) => r.is_active && ruleMatches(r, t))).toBe(false);
        } else {
          expect(chosen.is_active && ruleMatches(chosen, t)).toBe(true);
          expect(list.some((r) => r !== chosen && r.is_active && ruleMatches(r, t) && before(r, chosen))).toBe(false);
        }
      }),
    );
  });

  it('property: the order rules are listed in does not matter, and inactive rules never route', () => {
    fc.assert(
      fc.property(rules, facts, fc.nat(), (list, t, seed) => {
        const shuffled = [...list].sort((a, b) => ((a.id * 7919 + seed) % 97) - ((b.id * 7919 + seed) % 97));
        expect(matchRoutingRule(shuffled, t)?.id).toBe(matchRoutingRule(list, t)?.id);
        expect(matchRoutingRule(list.map((r) => ({ ...r, is_active: false })), t)).toBeNull();
      }),
    );
  });

  it('property: a rule added after the others changes only the tickets no rule routed', () => {
    fc.assert(
      fc.property(rules, facts, (list, t) => {
        const last = Math.max(0, ...list.map((r) => r.position)) + 1;
        const extended = [...list, rule({ id: 1000, position: last })];
        const before = matchRoutingRule(list, t);
        expect(matchRoutingRule(extended, t)?.id).toBe(before ? before.id : 1000);
      }),
    );
  });
});
