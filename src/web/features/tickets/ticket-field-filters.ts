import { labelIn, optionShown } from '../../../contract/ticket-field-display.ts';
import type { TicketField } from '../../../contract/ticket-fields.ts';

/** The words a field filter needs, in the language shown. */
export interface FieldFilterWords {
  yes: string;
  no: string;
  retired: (label: string) => string;
}

export interface FieldFilterChoice {
  key: string;
  label: string;
  options: { value: string; label: string }[];
}

const filterable = new Set<TicketField['type']>(['select', 'multi_select', 'checkbox']);

/**
 * The fields the dashboard filters by: drop-downs, multiple choices and checkboxes in use, in
 * form order, each with the values to choose from. Retired options come last, marked: old tickets
 * still have them.
 */
export function fieldFilterChoices(fields: readonly TicketField[], language: string, words: FieldFilterWords): FieldFilterChoice[] {
  return fields
    .filter((f) => !f.retired && filterable.has(f.type))
    .sort((a, b) => a.position - b.position || a.id - b.id)
    .map((f) => ({
      key: f.key,
      label: labelIn(f.labels, language),
      options:
        f.type === 'checkbox'
          ? [
              { value: 'true', label: words.yes },
              { value: 'false', label: words.no },
            ]
          : [...f.options.filter((o) => !o.retired), ...f.options.filter((o) => o.retired)].map((o) => ({
              value: o.key,
              label: o.retired ? words.retired(labelIn(o.labels, language)) : labelIn(o.labels, language),
            })),
    }));
}

/** A `key:value` filter split at its first colon (values may hold colons). */
export function splitFieldFilter(filter: string): { key: string; value: string } {
  const at = filter.indexOf(':');
  return at < 0 ? { key: filter, value: '' } : { key: filter.slice(0, at), value: filter.slice(at + 1) };
}

/** The value a field is filtered by, if any. */
export const chosenFieldValue = (filters: readonly string[] | undefined, key: string): string | undefined =>
  (filters ?? []).map(splitFieldFilter).find((f) => f.key === key)?.value;

/** The field filters with one field's value set, or taken away (undefined: any value); one value per field, in the order chosen. */
export function withFieldValue(filters: readonly string[] | undefined, key: string, value: string | undefined): string[] | undefined {
  const others = (filters ?? []).filter((f) => splitFieldFilter(f).key !== key);
  const next = value === undefined ? others : [...others, `${key}:${value}`];
  return next.length ? next : undefined;
}

/**
 * A field filter in words, "Product line: Kitchen", by the workspace's definitions (retired fields
 * and options included); a field it does not know reads as the URL has it.
 */
export function describeFieldFilter(fields: readonly TicketField[], filter: string, language: string, words: FieldFilterWords): string {
  const { key, value } = splitFieldFilter(filter);
  const field = fields.find((f) => f.key === key);
  if (!field) return filter;
  const label = labelIn(field.labels, language);
  if (field.type === 'checkbox') return `${label}: ${value === 'true' ? words.yes : value === 'false' ? words.no : value}`;
  if (field.type === 'select' || field.type === 'multi_select') {
    const option = optionShown(field, value, language);
    return `${label}: ${option.retired ? words.retired(option.label) : option.label}`;
  }
  return `${label}: ${value}`;
}
