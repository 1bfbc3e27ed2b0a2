import i18next from 'i18next';
import { type Agent, createDepartmentBody, type Department } from '../../../contract/admin.ts';
import type { AssignmentMode } from '../../../contract/routing.ts';
import { ApiError, fieldErrors } from '../../lib/api-client.ts';
import { validate } from '../../lib/validation.ts';

/** A department as its dialog holds it: the address as typed ('' for none). */
export interface DepartmentForm {
  name: string;
  email: string;
  member_ids: number[];
  assignment_mode: AssignmentMode;
}

/** The body of POST, and of PATCH, which gets every field: the form is the department. */
export interface DepartmentBody {
  name: string;
  email: string | null;
  member_ids: number[];
  assignment_mode: AssignmentMode;
}

export function departmentToForm(department?: Department): DepartmentForm {
  return {
    name: department?.name ?? '',
    email: department?.email ?? '',
    member_ids: department?.member_ids ?? [],
    assignment_mode: department?.assignment_mode ?? 'manual',
  };
}

/** The field a problem is shown at: one bad member of the list is told at the list. */
export const departmentErrorField = (field: string): string => (field.startsWith('member_ids') ? 'member_ids' : field);

/** Checks the form against the contract before sending; an empty address is no address (null). */
export function checkDepartment(form: DepartmentForm): { body: DepartmentBody; errors: null } | { body: null; errors: Record<string, string> } {
  const body: DepartmentBody = {
    name: form.name.trim(),
    email: form.email.trim() === '' ? null : form.email.trim(),
    member_ids: form.member_ids,
    assignment_mode: form.assignment_mode,
  };
  const checked = validate(createDepartmentBody, body);
  if (checked.errors === null) return { body, errors: null };
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(checked.errors)) errors[departmentErrorField(field)] ??= message;
  return { body: null, errors };
}

/**
 * The field problems of a refused save: a 400 at its fields, a taken name (409) at the name, and a
 * member that no longer exists (404 naming `member_ids`) at the members.
 */
export function departmentSaveErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  if (error.status === 409) return { name: i18next.t('admin:departments.nameTaken') };
  if (error.status === 404 && typeof error.details === 'object' && error.details !== null && 'member_ids' in error.details) {
    return { member_ids: i18next.t('admin:departments.unknownMember') };
  }
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors(error))) errors[departmentErrorField(field)] ??= message;
  return errors;
}

/** The agents to choose members from: active ones first, then deactivated ones, each by name. */
export function memberChoices(agents: readonly Agent[]): Agent[] {
  const byName = (a: Agent, b: Agent) => a.name.localeCompare(b.name) || a.id - b.id;
  return [...agents.filter((a) => a.is_active).sort(byName), ...agents.filter((a) => !a.is_active).sort(byName)];
}

/** The agents whose name or email has the typed text, without regard to case. */
export function filterAgents(agents: readonly Agent[], text: string): Agent[] {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return [...agents];
  return agents.filter((a) => a.name.toLowerCase().includes(wanted) || a.email.toLowerCase().includes(wanted));
}

/** At most this many tickets are counted by the server; a count this high means "this many or more". */
export const ticketsCountedMax = 10_000;

/** What uses a department, as a refused delete (409) reports it in `details.used_by`. */
export interface DepartmentUses {
  tickets: number;
  sla_policies: { name: string }[];
  routing_rules: { name: string }[];
  escalation_levels: { department: { name: string }; level: number }[];
  imap_mailboxes: { name: string }[];
  review_locations: string[];
}

const usesKeys = ['tickets', 'sla_policies', 'routing_rules', 'escalation_levels', 'imap_mailboxes', 'review_locations'] as const;

function readUses(error: unknown): DepartmentUses | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const used = (error.details as { used_by?: unknown } | undefined)?.used_by;
  if (typeof used !== 'object' || used === null) return null;
  const record = used as Record<string, unknown>;
  // A use this page does not know how to word: the server's own sentence names it.
  const isKnown = (key: string) => (usesKeys as readonly string[]).includes(key);
  const isEmpty = (value: unknown) => value === 0 || (Array.isArray(value) && value.length === 0);
  if (Object.entries(record).some(([key, value]) => !isKnown(key) && !isEmpty(value))) return null;
  if (typeof record.tickets !== 'number' || !usesKeys.slice(1).every((key) => Array.isArray(record[key]))) return null;
  return record as unknown as DepartmentUses;
}

type UseKey = 'tickets' | 'ticketsMany' | 'policies' | 'rules' | 'level' | 'mailboxes' | 'reviews';

const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');

/** What uses a department, in the agent's language: "3 tickets", "IMAP mailbox “sales@imap.example”"… */
export function describeDepartmentUses(uses: DepartmentUses): string[] {
  const t = (key: UseKey, options: Record<string, unknown>): string => i18next.t(`admin:departments.uses.${key}`, options);
  const said: string[] = [];
  if (uses.tickets >= ticketsCountedMax) said.push(t('ticketsMany', { count: uses.tickets }));
  else if (uses.tickets > 0) said.push(t('tickets', { count: uses.tickets }));
  const named = (key: 'policies' | 'rules' | 'mailboxes' | 'reviews', names: string[]) => {
    if (names.length) said.push(t(key, { count: names.length, names: quoted(names) }));
  };
  named('policies', uses.sla_policies.map((p) => p.name));
  named('rules', uses.routing_rules.map((r) => r.name));
  for (const level of uses.escalation_levels) said.push(t('level', { level: level.level, name: level.department.name }));
  named('mailboxes', uses.imap_mailboxes.map((m) => m.name));
  named('reviews', uses.review_locations);
  return said;
}

/** Why a department was not deleted: what still uses it, worded here, else the server's own message. */
export function departmentDeleteError(error: unknown): string {
  const uses = readUses(error);
  const said = uses ? describeDepartmentUses(uses) : [];
  if (said.length) return i18next.t('admin:departments.inUse', { uses: said.join('; ') });
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof ApiError && error.status === 409 ? message : i18next.t('admin:departments.deleteFailed', { message });
}
