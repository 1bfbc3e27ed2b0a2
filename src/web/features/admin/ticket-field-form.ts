import i18next from 'i18next';
import { createTicketFieldBody, isChoiceType, patchTicketFieldBody, type TicketField, type TicketFieldType } from '../../../contract/ticket-fields.ts';
import { ApiError, fieldErrors } from '../../lib/api-client.ts';
import { validate } from '../../lib/validation.ts';
import type { CreateTicketFieldInput, PatchTicketFieldInput } from './api/save-ticket-field.ts';

/** One option as the dialog edits it; `key` is null until the server has given it one. */
export interface OptionRow {
  /** Tells rows apart while they move (React's key). */
  uid: number;
  key: string | null;
  en: string;
  id: string;
  retired: boolean;
}

/** A field as its dialog holds it; the key and type are asked once, when the field is added. */
export interface TicketFieldForm {
  type: TicketFieldType;
  key: string;
  en: string;
  id: string;
  options: OptionRow[];
  required: boolean;
  customer_visible: boolean;
  on_agent_form: boolean;
  on_portal_form: boolean;
}

const blankOption = (uid: number): OptionRow => ({ uid, key: null, en: '', id: '', retired: false });

/** A new field starts as one line of text on the agents' form, internal and optional (the server's defaults too). */
export function ticketFieldToForm(field?: TicketField): TicketFieldForm {
  if (!field) return { type: 'text', key: '', en: '', id: '', options: [], required: false, customer_visible: false, on_agent_form: true, on_portal_form: false };
  return {
    type: field.type,
    key: field.key,
    en: field.labels.en,
    id: field.labels.id ?? '',
    options: field.options.map((o, uid) => ({ uid, key: o.key, en: o.labels.en, id: o.labels.id ?? '', retired: o.retired })),
    required: field.required,
    customer_visible: field.customer_visible,
    on_agent_form: field.on_agent_form,
    on_portal_form: field.on_portal_form,
  };
}

/** The form once another type is chosen: a choice type starts with one empty option to fill in. */
export function withType(form: TicketFieldForm, type: TicketFieldType): TicketFieldForm {
  const options = isChoiceType(type) ? (form.options.length ? form.options : [blankOption(0)]) : [];
  return { ...form, type, options };
}

export const addOption = (rows: readonly OptionRow[]): OptionRow[] => [...rows, blankOption(Math.max(-1, ...rows.map((r) => r.uid)) + 1)];

export function moveOption(rows: readonly OptionRow[], index: number, by: -1 | 1): OptionRow[] {
  const to = index + by;
  if (to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  const [row] = next.splice(index, 1);
  next.splice(to, 0, row);
  return next;
}

/** Retires an option the server knows (old tickets keep its label); one added in this dialog and never saved is just removed. */
export function retireOption(rows: readonly OptionRow[], index: number, retired: boolean): OptionRow[] {
  if (retired && rows[index]?.key === null) return rows.filter((_, i) => i !== index);
  return rows.map((r, i) => (i === index ? { ...r, retired } : r));
}

export type TicketFieldBody = { create: CreateTicketFieldInput; patch?: never } | { patch: PatchTicketFieldInput; create?: never };
type Checked = { body: TicketFieldBody; errors: null } | { body: null; errors: Record<string, string> };

/** Where the dialog shows a problem the contract names by its path in the body. */
export function errorFieldOf(path: string, sentRows: readonly number[] = []): string {
  if (path === 'labels.en' || path === 'labels.id') return path.slice(7);
  const option = /^options\.(\d+)\.labels\.(en|id)$/.exec(path);
  if (option && sentRows[Number(option[1])] !== undefined) return `option.${sentRows[Number(option[1])]}.${option[2]}`;
  if (path.startsWith('options')) return 'options';
  return path;
}

const word = (key: 'needOption' | 'keyTaken' | 'keyFormat') => i18next.t(`admin:fields.form.${key}`);

/**
 * Checks the dialog against the contract and makes the body: POST for a new field (key only when
 * typed: the server makes one from the English label), PATCH for a change (never key or type).
 * Options left wholly empty are dropped; retired ones are sent as retired, so old tickets keep them.
 */
export function checkTicketField(form: TicketFieldForm, isNew: boolean): Checked {
  const isChoice = isChoiceType(form.type);
  const sentRows: number[] = [];
  const options = isChoice
    ? form.options.flatMap((o, index) => {
        if (o.key === null && !o.en.trim() && !o.id.trim()) return [];
        sentRows.push(index);
        return [{ ...(o.key ? { key: o.key } : {}), labels: { en: o.en.trim(), id: o.id.trim() || null }, retired: o.retired }];
      })
    : [];
  const labels = { en: form.en.trim(), id: form.id.trim() || null };
  const flags = { required: form.required, customer_visible: form.customer_visible, on_agent_form: form.on_agent_form, on_portal_form: form.on_portal_form };
  const body: TicketFieldBody = isNew
    ? { create: { ...(form.key.trim() ? { key: form.key.trim() } : {}), type: form.type, labels, options, ...flags } }
    : { patch: { labels, ...(isChoice ? { options } : {}), ...flags } };
  const checked = body.create ? validate(createTicketFieldBody, body.create) : validate(patchTicketFieldBody, body.patch);
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(checked.errors ?? {})) errors[errorFieldOf(path, sentRows)] ??= message;
  if (errors.key) errors.key = word('keyFormat');
  if (isChoice && !options.some((o) => !o.retired)) errors.options = word('needOption');
  return Object.keys(errors).length ? { body: null, errors } : { body, errors: null };
}

/** The field problems of a refused save: a taken key (409) at the key, a 400 at its fields. */
export function ticketFieldSaveErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  if (error.status === 409) {
    // The server names the key even when it made it from the label: the admin types another.
    return fieldErrors(error).key !== undefined ? { key: word('keyTaken') } : {};
  }
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(error))) {
    const at = errorFieldOf(path);
    errors[at] ??= at === 'options' && /at least one option/.test(message) ? word('needOption') : message;
  }
  return errors;
}

/** How many tickets hold a value of a field whose delete was refused (409), or null for another failure. */
export function ticketsHoldingValues(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const tickets = (error.details as { tickets?: unknown } | undefined)?.tickets;
  return typeof tickets === 'number' ? tickets : null;
}

/** The forms a field is asked on, as dictionary keys (`admin:fields.form…`). */
export function formsOf(field: Pick<TicketField, 'on_agent_form' | 'on_portal_form'>): ('agent' | 'portal')[] {
  return [...(field.on_agent_form ? (['agent'] as const) : []), ...(field.on_portal_form ? (['portal'] as const) : [])];
}
