import i18next from 'i18next';
import { type Agent, inviteAgentBody, patchAgentBody, type roles } from '../../../contract/admin.ts';
import { ApiError, fieldErrors } from '../../lib/api-client.ts';
import { validate } from '../../lib/validation.ts';

export type Role = (typeof roles)[number];

/** An agent as the invite and edit dialogs hold them; the email is only typed when inviting. */
export interface AgentForm {
  name: string;
  email: string;
  role: Role;
  department_ids: number[];
}

/** The body of POST /agents/invitations (with the email), or of PATCH /agents/:id (without: it cannot be changed). */
export interface AgentBody {
  name: string;
  email?: string;
  role: Role;
  department_ids: number[];
}

export function agentToForm(agent?: Agent): AgentForm {
  return { name: agent?.name ?? '', email: agent?.email ?? '', role: agent?.role ?? 'agent', department_ids: agent ? [...agent.department_ids] : [] };
}

/** The field a problem is shown at: one bad department of the list is told at the list. */
export const agentErrorField = (field: string): string => (field.startsWith('department_ids') ? 'department_ids' : field);

type Checked = { body: AgentBody; errors: null } | { body: null; errors: Record<string, string> };

/** Checks the form against the contract before sending: an invitation with its email, a change without. */
export function checkAgent(form: AgentForm, isInvite: boolean): Checked {
  const common = { name: form.name.trim(), role: form.role, department_ids: [...new Set(form.department_ids)] };
  const body: AgentBody = isInvite ? { ...common, email: form.email.trim() } : common;
  const checked = validate(isInvite ? inviteAgentBody : patchAgentBody, body);
  if (checked.errors === null) return { body, errors: null };
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(checked.errors)) errors[agentErrorField(field)] ??= message;
  return { body: null, errors };
}

const hasDetail = (error: ApiError, key: string) => typeof error.details === 'object' && error.details !== null && key in error.details;

/**
 * The field problems of a refused save: a 400 at its fields, a department that is gone (404 naming
 * `department_ids`) at the departments; a 409 is a taken email when inviting, and when changing
 * the last active admin's role, the refusal to leave the workspace without one (told at the role).
 */
export function agentSaveErrors(error: unknown, isInvite: boolean): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  if (error.status === 409) return isInvite ? { email: i18next.t('admin:agents.emailTaken') } : { role: i18next.t('admin:agents.lastAdmin') };
  if (error.status === 404 && hasDetail(error, 'department_ids')) return { department_ids: i18next.t('admin:agents.unknownDepartment') };
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors(error))) errors[agentErrorField(field)] ??= message;
  return errors;
}

/**
 * Why deactivating (or reactivating) was refused: a 409 on this change is the workspace's last
 * active admin, said in the agent's language; anything else keeps the server's message.
 */
export function agentStatusError(error: unknown): string {
  if (error instanceof ApiError && error.status === 409) return i18next.t('admin:agents.lastAdmin');
  const message = error instanceof Error ? error.message : String(error);
  return i18next.t('admin:agents.changeFailed', { message });
}
