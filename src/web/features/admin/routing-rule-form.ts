import i18next from 'i18next';
import { type CreateRoutingRuleBody, createRoutingRuleBody, type RoutingRule } from '../../../contract/routing.ts';
import type { channels } from '../../../contract/tickets.ts';
import { validate } from '../../lib/validation.ts';
import { type MatchChoice, toChoice } from './match-choice.ts';

type Channel = (typeof channels)[number];

/** A text list of a rule: any value, or the values typed (sources on one line, keywords one per line). */
export interface TextChoice {
  isAny: boolean;
  text: string;
}

/** A routing rule as its form holds it; the department is a select's value ('' until one is chosen). */
export interface RuleForm {
  name: string;
  channels: MatchChoice<Channel>;
  sources: TextChoice;
  category_ids: MatchChoice<number>;
  customer_ids: MatchChoice<number>;
  subject_keywords: TextChoice;
  department_id: string;
  is_active: boolean;
}

export const ruleMatchFields = ['channels', 'sources', 'category_ids', 'customer_ids', 'subject_keywords'] as const;

const text = (list: string[] | null, separator: string): TextChoice => (list === null ? { isAny: true, text: '' } : { isAny: false, text: list.join(separator) });

export function ruleToForm(rule?: RoutingRule): RuleForm {
  return {
    name: rule?.name ?? '',
    channels: toChoice(rule?.channels ?? null),
    sources: text(rule?.sources ?? null, ', '),
    category_ids: toChoice(rule?.category_ids ?? null),
    customer_ids: toChoice(rule?.customer_ids ?? null),
    subject_keywords: text(rule?.subject_keywords ?? null, '\n'),
    department_id: rule ? String(rule.department_id) : '',
    is_active: rule?.is_active ?? true,
  };
}

/** The items of a typed list: sources split at commas, spaces or lines; keywords (phrases) at lines only. */
export const splitList = (value: string, separator: RegExp): string[] => [...new Set(value.split(separator).map((v) => v.trim()).filter(Boolean))];

/**
 * The body of POST (and of PATCH, which gets every field), or the problems keyed as the server
 * names them (`subject_keywords.2` is told at the list).
 */
export function checkRule(form: RuleForm): { body: CreateRoutingRuleBody; errors: null } | { body: null; errors: Record<string, string> } {
  const body = {
    name: form.name,
    channels: form.channels.isAny ? null : form.channels.chosen,
    sources: form.sources.isAny ? null : splitList(form.sources.text, /[\s,;]+/),
    category_ids: form.category_ids.isAny ? null : form.category_ids.chosen,
    customer_ids: form.customer_ids.isAny ? null : form.customer_ids.chosen,
    subject_keywords: form.subject_keywords.isAny ? null : splitList(form.subject_keywords.text, /\r?\n/),
    department_id: form.department_id === '' ? undefined : Number(form.department_id),
    is_active: form.is_active,
  };
  const errors: Record<string, string> = {};
  for (const field of ruleMatchFields) {
    const value = body[field];
    if (value !== null && value.length === 0) errors[field] = i18next.t('admin:policies.error.chooseSome');
  }
  if (body.department_id === undefined) errors.department_id = i18next.t('validation.choose');
  const checked = validate(createRoutingRuleBody, body);
  const all: Record<string, string> = {};
  for (const [field, message] of Object.entries(checked.errors ?? {})) all[ruleErrorField(field)] ??= describeItem(field, body) ?? message;
  Object.assign(all, errors);
  if (Object.keys(all).length > 0) return { body: null, errors: all };
  return { body: checked.data as CreateRoutingRuleBody, errors: null };
}

/** A bad item of the sources or keywords, named in the agent's language (the contract words it in English). */
function describeItem(field: string, body: { sources: string[] | null; subject_keywords: string[] | null }): string | null {
  const [head, index] = field.split('.');
  if (index === undefined) return null;
  if (head === 'sources') return i18next.t('admin:routing.error.source', { value: body.sources?.[Number(index)] ?? '' });
  if (head === 'subject_keywords') return i18next.t('admin:routing.error.keyword', { value: body.subject_keywords?.[Number(index)] ?? '' });
  return null;
}

/** The field a problem is shown at: one item of a list is told at the list. */
export function ruleErrorField(field: string): string {
  const [head] = field.split('.');
  return (ruleMatchFields as readonly string[]).includes(head) ? head : field;
}
