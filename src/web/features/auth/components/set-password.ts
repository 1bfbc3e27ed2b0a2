import i18next from 'i18next';
import { password as passwordRule } from '../../../../contract/common.ts';
import { ApiError, fieldErrors } from '../../../lib/api-client.ts';
import { validate } from '../../../lib/validation.ts';

/**
 * The token of a mailed `/set-password#<token>` link. It rides in the fragment, which browsers
 * send to no server; anything that cannot be a token (empty, too long, odd characters) is none.
 */
export function tokenFromHash(hash: string): string | null {
  let token = hash.replace(/^#/, '').trim();
  try {
    token = decodeURIComponent(token);
  } catch {
    return null;
  }
  return /^[A-Za-z0-9_-]{1,200}$/.test(token) ? token : null;
}

/** The new password, as the contract wants it, typed the same twice; the problems keyed by field. */
export function checkNewPassword(password: string, repeat: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const checked = validate(passwordRule, password);
  if (checked.errors) errors.password = Object.values(checked.errors)[0] ?? i18next.t('validation.required');
  else if (repeat !== password) errors.repeat = i18next.t('auth:setPassword.mismatch');
  return errors;
}

/** What went wrong with a link: used, expired or unknown (404), too many tries (429), or something else. */
export type LinkFailure = 'spent' | 'tooMany' | 'other';

export function linkFailure(error: unknown): LinkFailure {
  if (error instanceof ApiError && error.status === 404) return 'spent';
  if (error instanceof ApiError && error.status === 429) return 'tooMany';
  return 'other';
}

/** The problems of a refused password at the form's field (a 400 names `password`). */
export const passwordErrors = (error: unknown): Record<string, string> => {
  const found = fieldErrors(error);
  return found.password ? { password: found.password } : {};
};
