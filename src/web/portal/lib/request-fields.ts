import type { TFunction } from 'i18next';
import { type CheckedValues, fieldErrorPath, fieldKeyOfIssue } from '../../../contract/ticket-field-display.ts';
import { fieldErrors } from '../../lib/api-client.ts';

/** The portal's words and the shared ones (`common:`), in the customer's language. */
export type PortalT = TFunction<['portal', 'common']>;

/** The request form's own refusals of its ticket fields (one left empty, a number or a date that is none), at their inputs. */
export function requestFieldProblems(problems: CheckedValues['problems'], t: PortalT): Record<string, string> {
  const word = { required: () => t('common:validation.required'), number: () => t('fields.number'), date: () => t('fields.date') };
  return Object.fromEntries(Object.entries(problems).map(([key, problem]) => [fieldErrorPath(key), word[problem]()]));
}

/**
 * The server's refusals of the form's field values (400 at `body.custom_fields.<key>`), at their
 * inputs; "this field is required" in the customer's language, other rules in the server's words.
 */
export function requestFieldRefusals(error: unknown, t: PortalT): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(error))) {
    const key = fieldKeyOfIssue(path);
    if (key !== null) out[fieldErrorPath(key)] = message === 'this field is required' ? t('common:validation.required') : message.charAt(0).toUpperCase() + message.slice(1);
  }
  return out;
}
