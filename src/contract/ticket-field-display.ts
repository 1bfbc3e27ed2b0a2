import type { TicketFieldType } from './ticket-fields.ts';

/**
 * How the web apps (the agent app and the customer portal, two bundles) read and fill typed
 * ticket fields: the label in a language, the value an input holds, the value the API takes, and
 * what a stored value reads as. Pure and free of dependencies, so both bundles share it; the
 * server's own rules (src/server/ticket-fields/field-values.ts) stay the judge.
 */

export type FieldLanguage = 'en' | 'id';
export interface FieldLabels {
  en: string;
  id: string | null;
}
export interface FieldOptionLike {
  key: string;
  labels: FieldLabels;
  retired: boolean;
}
/** What showing or filling a field needs: the portal's public fields have this much, the agents' full ones more. */
export interface FieldLike {
  key: string;
  type: TicketFieldType;
  labels: FieldLabels;
  options: readonly FieldOptionLike[];
  required: boolean;
}

/** A label in the language shown, English when it has none in that language. */
export const labelIn = (labels: FieldLabels, language: string): string => (language === 'id' && labels.id?.trim() ? labels.id : labels.en);

/** What an input holds: text (also numbers and dates as typed), the option keys chosen, or a tick. */
export type FieldInput = string | boolean | string[];
export type FieldInputs = Record<string, FieldInput>;

export function emptyInput(type: TicketFieldType): FieldInput {
  if (type === 'checkbox') return false;
  if (type === 'multi_select') return [];
  return '';
}

/** The input of a stored value (none: the empty input). */
export function inputOf(field: Pick<FieldLike, 'type'>, value: unknown): FieldInput {
  switch (field.type) {
    case 'checkbox':
      return value === true;
    case 'multi_select':
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
}

/** The inputs of a ticket's values, for the fields given. */
export const inputsOf = (fields: readonly Pick<FieldLike, 'key' | 'type'>[], values: Readonly<Record<string, unknown>>): FieldInputs =>
  Object.fromEntries(fields.map((f) => [f.key, inputOf(f, values[f.key])]));

/** Why typed text is not a value of its field. */
export type FieldProblem = 'number' | 'date';
export type ValueResult = { ok: true; value: unknown } | { ok: false; problem: FieldProblem };

/** A number as people type it: `1500`, `-2.5`, `2,5`; null for nothing typed, undefined for no number. */
export function parseNumber(text: string): number | null | undefined {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return null;
  const dotted = /^-?\d+,\d+$/.test(t) ? t.replace(',', '.') : t;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(dotted)) return undefined;
  const n = Number(dotted);
  return Number.isFinite(n) ? n : undefined;
}

/** The value the API takes for an input: null for an empty one (a checkbox is always true or false). */
export function valueOf(field: Pick<FieldLike, 'type' | 'options'>, input: FieldInput | undefined): ValueResult {
  switch (field.type) {
    case 'checkbox':
      return { ok: true, value: input === true };
    case 'multi_select': {
      const chosen = Array.isArray(input) ? input : [];
      // In the options' order, as the server stores them; keys it does not know stay, for it to refuse.
      const known = field.options.map((o) => o.key).filter((k) => chosen.includes(k));
      const ordered = [...known, ...chosen.filter((k) => !known.includes(k))];
      return { ok: true, value: ordered.length ? ordered : null };
    }
    case 'number': {
      const n = parseNumber(typeof input === 'string' ? input : '');
      return n === undefined ? { ok: false, problem: 'number' } : { ok: true, value: n };
    }
    case 'date': {
      const text = typeof input === 'string' ? input.trim() : '';
      if (text === '') return { ok: true, value: null };
      return isDay(text) ? { ok: true, value: text } : { ok: false, problem: 'date' };
    }
    case 'long_text': {
      const text = typeof input === 'string' ? input.replace(/\s+$/, '') : '';
      return { ok: true, value: text.trim() === '' ? null : text };
    }
    default: {
      const text = typeof input === 'string' ? input.trim() : '';
      return { ok: true, value: text === '' ? null : text };
    }
  }
}

/** A calendar day written YYYY-MM-DD (2026-02-30 is none). */
export const isDay = (text: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

/** A field left without a value: nothing typed or chosen, or a required checkbox not ticked (it asks for consent). */
const isUnanswered = (field: Pick<FieldLike, 'type'>, value: unknown): boolean => value === null || (field.type === 'checkbox' && value !== true);

export interface CheckedValues {
  /** `custom_fields` of the request. */
  values: Record<string, unknown>;
  /** Per field key: what is wrong with its input. */
  problems: Record<string, FieldProblem | 'required'>;
}

/**
 * The `custom_fields` of a new ticket (the agents' create form, the portal's request form): only
 * the fields filled in (a checkbox only when ticked), and the required ones left empty.
 */
export function newTicketValues(fields: readonly FieldLike[], inputs: Readonly<FieldInputs>): CheckedValues {
  const out: CheckedValues = { values: {}, problems: {} };
  for (const field of fields) {
    const result = valueOf(field, inputs[field.key]);
    if (!result.ok) out.problems[field.key] = result.problem;
    else if (isUnanswered(field, result.value)) {
      if (field.required) out.problems[field.key] = 'required';
    } else out.values[field.key] = result.value;
  }
  return out;
}

/**
 * The `custom_fields` of a change to a ticket: only the fields whose value differs from the
 * ticket's, null to clear one. A required field cannot be cleared.
 */
export function changedValues(fields: readonly FieldLike[], inputs: Readonly<FieldInputs>, current: Readonly<Record<string, unknown>>): CheckedValues {
  const out: CheckedValues = { values: {}, problems: {} };
  for (const field of fields) {
    if (!(field.key in inputs)) continue;
    const result = valueOf(field, inputs[field.key]);
    if (!result.ok) {
      out.problems[field.key] = result.problem;
      continue;
    }
    const before = field.type === 'checkbox' ? current[field.key] === true : (current[field.key] ?? null);
    if (JSON.stringify(result.value) === JSON.stringify(before)) continue;
    if (result.value === null && field.required) out.problems[field.key] = 'required';
    else out.values[field.key] = result.value;
  }
  return out;
}

export interface OptionShown {
  key: string;
  label: string;
  retired: boolean;
}

/** An option by its key, in the language shown; a key no longer defined reads as itself. */
export function optionShown(field: Pick<FieldLike, 'options'>, key: string, language: string): OptionShown {
  const option = field.options.find((o) => o.key === key);
  return option ? { key, label: labelIn(option.labels, language), retired: option.retired } : { key, label: key, retired: false };
}

/** The options an input offers: those not retired, and a retired one only while it is chosen. */
export const offeredOptions = (field: Pick<FieldLike, 'options'>, chosen: readonly string[], language: string): OptionShown[] =>
  field.options.filter((o) => !o.retired || chosen.includes(o.key)).map((o) => optionShown(field, o.key, language));

/** What a stored value reads as; the words (Yes, No, retired) and formats are the app's. */
export type FieldDisplay =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; day: string }
  | { kind: 'options'; options: OptionShown[] }
  | { kind: 'checkbox'; checked: boolean };

export function displayOf(field: Pick<FieldLike, 'type' | 'options'>, value: unknown, language: string): FieldDisplay {
  switch (field.type) {
    case 'checkbox':
      // Not ticked and never set read alike: the filter "No" finds both, as the server's does.
      return { kind: 'checkbox', checked: value === true };
    case 'select':
      return typeof value === 'string' && value !== '' ? { kind: 'options', options: [optionShown(field, value, language)] } : { kind: 'empty' };
    case 'multi_select': {
      const keys = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
      return keys.length ? { kind: 'options', options: keys.map((k) => optionShown(field, k, language)) } : { kind: 'empty' };
    }
    case 'number':
      if (typeof value === 'number') return { kind: 'number', value };
      break;
    case 'date':
      if (typeof value === 'string' && isDay(value)) return { kind: 'date', day: value };
      break;
  }
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  return { kind: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) };
}

/** The field key a refusal names (`body.custom_fields.size`, or `custom_fields.size` once the body prefix is gone). */
export function fieldKeyOfIssue(path: string): string | null {
  const m = /^(?:body\.)?custom_fields\.([a-z][a-z0-9_]*)$/.exec(path);
  return m ? m[1] : null;
}

/** Where a form keeps the error of a field: the path the server names it by, without `body.`. */
export const fieldErrorPath = (key: string): string => `custom_fields.${key}`;
