import type { AuditEntry } from '../../../contract/audit.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { isTemplateName, type MailTemplateName } from './template-names.ts';

/** The objects whose changes the audit log keeps (the routes' `config.audit`), in the filter's order. */
export const auditEntities = [
  'settings',
  'agent',
  'department',
  'category',
  'ticket_field',
  'api_key',
  'webhook',
  'imap_mailbox',
  'sla_policy',
  'calendar',
  'routing_rule',
  'escalation_levels',
  'mail_template',
  'review_rules',
  'source',
  'system',
] as const;
export type AuditEntity = (typeof auditEntities)[number];
export const isAuditEntity = (v: string | null | undefined): v is AuditEntity => (auditEntities as readonly (string | null | undefined)[]).includes(v);

/** What the app has words for: the route's method, or the last part of a POST's address (…/:id/rotate-secret). */
export const auditActions = ['created', 'changed', 'deleted', 'invitation', 'password-reset', 'rotate-secret', 'import', 'maintenance'] as const;
export type AuditAction = (typeof auditActions)[number];

/**
 * The words' key of what an entry did, or null for an action the app does not know (shown as it
 * came). The maintenance run is a POST without an id, which the server logs as "created".
 */
export function auditActionKey(entry: Pick<AuditEntry, 'entity' | 'action'>): AuditAction | null {
  if (entry.entity === 'system') return 'maintenance';
  return (auditActions as readonly string[]).includes(entry.action) ? (entry.action as AuditAction) : null;
}

/** Which object an entry is about: a numbered one (#3), a mail template in a language, one with a name of its own, or the whole (settings). */
export type AuditTarget = { kind: 'numbered'; id: string } | { kind: 'template'; template: MailTemplateName; language: Language } | { kind: 'named'; name: string } | { kind: 'none' };

export function auditTarget(entry: Pick<AuditEntry, 'entity' | 'entity_id'>): AuditTarget {
  const id = entry.entity_id;
  if (!id) return { kind: 'none' };
  if (/^\d+$/.test(id)) return { kind: 'numbered', id };
  const [template, language, ...rest] = id.split('/');
  if (entry.entity === 'mail_template' && rest.length === 0 && isTemplateName(template) && isLanguage(language)) return { kind: 'template', template, language };
  return { kind: 'named', name: id };
}

/** A value as the log shows it: the server's secret mark, nothing, a moment (as the API writes them), text as it is, anything else as compact JSON. */
export type AuditValue = { kind: 'hidden' } | { kind: 'none' } | { kind: 'empty' } | { kind: 'time'; iso: string } | { kind: 'text'; text: string } | { kind: 'json'; text: string };

const isoMoment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function auditValue(value: unknown): AuditValue {
  if (value === '[hidden]') return { kind: 'hidden' };
  if (value === null || value === undefined) return { kind: 'none' };
  if (value === '') return { kind: 'empty' };
  if (typeof value === 'string') return isoMoment.test(value) ? { kind: 'time', iso: value } : { kind: 'text', text: value };
  return { kind: 'json', text: JSON.stringify(value) ?? String(value) };
}

/** One line of an entry's change: a field with its value before, after, or both. */
export interface AuditDiffRow {
  field: string;
  before?: AuditValue;
  after?: AuditValue;
}

/** Fields that say nothing about what was set when a whole object is shown (created or deleted). */
const bookkeeping = new Set(['id', 'created_at', 'updated_at', 'version']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The change of an entry field by field. A creation shows the values it set, a deletion the ones
 * that were; a change (or an action with both sides) the fields whose values differ, old and new.
 */
export function auditDiffRows(entry: Pick<AuditEntry, 'action' | 'before' | 'after'>): AuditDiffRow[] {
  const { before, after } = entry;
  const side = entry.action === 'created' ? 'after' : entry.action === 'deleted' ? 'before' : before && after ? 'both' : before ? 'before' : 'after';
  if (side === 'both' && before && after) {
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return fields.filter((f) => !same(before[f], after[f])).map((field) => ({ field, before: auditValue(before[field]), after: auditValue(after[field]) }));
  }
  const shown = side === 'before' ? before : after;
  if (!shown) return [];
  return Object.keys(shown)
    .filter((f) => !bookkeeping.has(f))
    .map((field) => ({ field, [side]: auditValue(shown[field]) }));
}

/** The entity filter as the URL holds it (`?entity=department`); anything else shows every change. */
export function readAuditEntity(params: URLSearchParams): AuditEntity | undefined {
  const value = params.get('entity');
  return isAuditEntity(value) ? value : undefined;
}

/** The length past which a value is shown cut, with a button for the rest (a mail template's body). */
export const auditClipAt = 160;

/** A long value's beginning, cut at the last space before `max` when there is one; null when it is short enough to show whole. */
export function clipValue(text: string, max = auditClipAt): string | null {
  if (text.length <= max) return null;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
