import i18next from 'i18next';
import { type CheckedValues, fieldErrorPath, fieldKeyOfIssue } from '../../../contract/ticket-field-display.ts';
import type { TicketField } from '../../../contract/ticket-fields.ts';
import { fieldErrors } from '../../lib/api-client.ts';

const inOrder = (a: TicketField, b: TicketField) => a.position - b.position || a.id - b.id;

/** The fields the agents' create form asks: those in use and on the agent form, in form order. */
export const agentFormFields = (fields: readonly TicketField[]): TicketField[] => fields.filter((f) => !f.retired && f.on_agent_form).sort(inOrder);

const hasValue = (value: unknown) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);

/** The fields a ticket view shows: every one in use, and a retired one only where the ticket holds a value of it. */
export const ticketViewFields = (fields: readonly TicketField[], values: Readonly<Record<string, unknown>>): TicketField[] =>
  fields.filter((f) => !f.retired || hasValue(values[f.key])).sort(inOrder);

/** The form's own refusals (a required field left empty, a number or date that is none), worded where their inputs are. */
export function problemMessages(problems: CheckedValues['problems']): Record<string, string> {
  const words = {
    required: () => i18next.t('common:validation.required'),
    number: () => i18next.t('ticket:customFields.number'),
    date: () => i18next.t('ticket:customFields.date'),
  };
  return Object.fromEntries(Object.entries(problems).map(([key, problem]) => [fieldErrorPath(key), words[problem]()]));
}

/**
 * The server's refusals of field values (400 at `body.custom_fields.<key>`), keyed where the
 * inputs are. Its "this field is required" is said in the agent's language; its other rules
 * (an option not offered, a text too long) keep the server's words, capitalised.
 */
export function fieldRefusals(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(error))) {
    const key = fieldKeyOfIssue(path);
    if (key === null) continue;
    out[fieldErrorPath(key)] = message === 'this field is required' ? i18next.t('common:validation.required') : message.charAt(0).toUpperCase() + message.slice(1);
  }
  return out;
}
