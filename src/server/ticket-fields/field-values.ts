import { isDay } from '../../contract/ticket-field-display.ts';
import { fieldLimits, type OptionInput, type TicketFieldType } from '../../contract/ticket-fields.ts';

export interface FieldOption {
  key: string;
  labels: { en: string; id: string | null };
  retired: boolean;
}

/** What checking a value needs to know of a field's definition. */
export interface FieldRule {
  key: string;
  type: TicketFieldType;
  options: FieldOption[];
  required: boolean;
  retired: boolean;
  on_agent_form: boolean;
  on_portal_form: boolean;
}

/** The form a ticket is created through: its required fields are asked there. */
export type FieldForm = 'agent' | 'portal';
export interface FieldIssue {
  field: string;
  message: string;
}
export type FieldValues = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isEmpty = (v: unknown) => v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** One value against its field: the value to store (null clears), or why not. */
function checkValue(rule: FieldRule, value: unknown, current: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const offered = (key: unknown) => rule.options.some((o) => o.key === key && (!o.retired || same(current, key) || (Array.isArray(current) && current.includes(key))));
  const optionList = () => rule.options.filter((o) => !o.retired).map((o) => o.key).join(', ');
  switch (rule.type) {
    case 'text':
    case 'long_text': {
      if (typeof value !== 'string') return { ok: false, message: 'must be text' };
      const max = rule.type === 'text' ? fieldLimits.textMax : fieldLimits.longTextMax;
      const text = rule.type === 'text' ? value.trim() : value.replace(/\s+$/, '');
      if (text.length > max) return { ok: false, message: `must be at most ${max} characters` };
      if (rule.type === 'text' && /[\r\n]/.test(text)) return { ok: false, message: 'must be one line' };
      return { ok: true, value: text === '' ? null : text };
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, message: 'must be a number' };
      if (Math.abs(value) > fieldLimits.numberMax) return { ok: false, message: 'is too large' };
      return { ok: true, value };
    case 'date':
      if (typeof value !== 'string' || !isDay(value)) return { ok: false, message: 'must be a date as YYYY-MM-DD' };
      return { ok: true, value };
    case 'checkbox':
      if (typeof value !== 'boolean') return { ok: false, message: 'must be true or false' };
      return { ok: true, value };
    case 'select':
      if (typeof value !== 'string' || !offered(value)) return { ok: false, message: `must be one of: ${optionList()}` };
      return { ok: true, value };
    case 'multi_select': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return { ok: false, message: 'must be a list of options' };
      const unknown = value.filter((v) => !offered(v));
      if (unknown.length) return { ok: false, message: `${unknown.join(', ')}: not an option; choose from ${optionList()}` };
      // Stored in the options' order, once each, so equal choices compare equal.
      const chosen = rule.options.map((o) => o.key).filter((k) => value.includes(k));
      return { ok: true, value: chosen.length ? chosen : null };
    }
  }
}

/**
 * Checks the custom field values a create or change sends against the workspace's definitions
 * and merges them into the ticket's current ones. Unknown fields, wrong types, options not offered
 * and changes to retired fields are refused; a required field must be given on a form that shows
 * it, and cannot be cleared. Values already stored are never checked again: a field made
 * required, or an option retired, after a ticket was created does not make that ticket invalid.
 */
export function checkFieldValues(
  rules: readonly FieldRule[],
  input: FieldValues,
  options: { form: FieldForm | null; current: FieldValues | null; path?: string },
): { values: FieldValues; issues: FieldIssue[] } {
  const path = options.path ?? 'body.custom_fields';
  const current = options.current ?? {};
  const byKey = new Map(rules.map((r) => [r.key, r]));
  const values: FieldValues = { ...current };
  const issues: FieldIssue[] = [];
  for (const [key, raw] of Object.entries(input)) {
    const rule = byKey.get(key);
    const at = `${path}.${key}`;
    if (!rule) {
      issues.push({ field: at, message: 'no such field: admins define ticket fields under Admin › Ticket fields' });
      continue;
    }
    const checked = isEmpty(raw) ? ({ ok: true, value: null } as const) : checkValue(rule, raw, current[key]);
    if (!checked.ok) {
      issues.push({ field: at, message: checked.message });
      continue;
    }
    if (same(checked.value ?? null, current[key] ?? null)) continue;
    if (rule.retired) issues.push({ field: at, message: 'this field is retired: its values can no longer change' });
    else if (checked.value === null && rule.required) issues.push({ field: at, message: 'this field is required' });
    else if (checked.value === null) delete values[key];
    else values[key] = checked.value;
  }
  if (options.current === null && options.form) {
    for (const rule of rules) {
      const shown = options.form === 'agent' ? rule.on_agent_form : rule.on_portal_form;
      const missing = values[rule.key] === undefined || (rule.type === 'checkbox' && values[rule.key] !== true);
      if (rule.required && !rule.retired && shown && missing && !issues.some((i) => i.field === `${path}.${rule.key}`)) {
        issues.push({ field: `${path}.${rule.key}`, message: 'this field is required' });
      }
    }
  }
  return { values, issues };
}

/** A key made from a label: lower_snake_case, ASCII, unique among `taken`. */
export function keyFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 50) || 'field';
  const start = /^[a-z]/.test(base) ? base : `f_${base}`;
  if (!taken.has(start)) return start;
  for (let n = 2; ; n++) if (!taken.has(`${start}_${n}`)) return `${start}_${n}`;
}

/**
 * A field's options after an admin's edit: the options sent, in their order (a new one keyed from
 * its label), then every earlier option the edit left out, retired — a value on an old ticket
 * keeps its label.
 */
export function mergeOptions(existing: readonly FieldOption[], sent: readonly OptionInput[]): FieldOption[] {
  const taken = new Set(existing.map((o) => o.key));
  const merged: FieldOption[] = [];
  for (const o of sent) {
    const key = o.key ?? keyFromLabel(o.labels.en, taken);
    taken.add(key);
    merged.push({ key, labels: { en: o.labels.en, id: o.labels.id ?? null }, retired: o.retired });
  }
  const kept = new Set(merged.map((o) => o.key));
  for (const o of existing) if (!kept.has(o.key)) merged.push({ ...o, retired: true });
  return merged;
}

