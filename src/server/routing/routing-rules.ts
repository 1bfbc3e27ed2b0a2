import { compileKeywords, subjectHasKeyword } from './subject-keywords.ts';

/** What a rule needs to know of a ticket being created. */
export interface RoutingFacts {
  channel: string;
  source: string;
  category_id: number | null;
  customer_id: number | null;
  subject: string;
}

/** A rule as the matcher reads it; a null list matches any ticket. */
export interface RoutingRuleSpec {
  id: number;
  position: number;
  is_active: boolean;
  channels: readonly string[] | null;
  sources: readonly string[] | null;
  category_ids: readonly number[] | null;
  customer_ids: readonly number[] | null;
  subject_keywords: readonly string[] | null;
}

const listMatches = <T>(list: readonly T[] | null, value: T | null): boolean => list === null || (value !== null && list.includes(value));

/** Whether every list of the rule matches the ticket (activity aside). */
export function ruleMatches(rule: RoutingRuleSpec, ticket: RoutingFacts): boolean {
  return (
    listMatches(rule.channels, ticket.channel) &&
    listMatches(rule.sources, ticket.source === '' ? null : ticket.source) &&
    listMatches(rule.category_ids, ticket.category_id) &&
    listMatches(rule.customer_ids, ticket.customer_id) &&
    (rule.subject_keywords === null || subjectHasKeyword(ticket.subject, compileKeywords(rule.subject_keywords)))
  );
}

/** The rule that routes the ticket: the first active match by position (then id), or null. */
export function matchRoutingRule<R extends RoutingRuleSpec>(rules: readonly R[], ticket: RoutingFacts): R | null {
  const ordered = [...rules].sort((a, b) => a.position - b.position || a.id - b.id);
  return ordered.find((rule) => rule.is_active && ruleMatches(rule, ticket)) ?? null;
}
