import i18next from 'i18next';
import { type ApiKey, type ApiKeyScope, apiKeyScopes, createApiKeyBody } from '../../../contract/admin.ts';
import { fieldErrors } from '../../lib/api-client.ts';
import { validate } from '../../lib/validation.ts';

/** An API key as its dialog holds it: a new key may read and write until the admin narrows it. */
export interface ApiKeyForm {
  name: string;
  scopes: ApiKeyScope[];
}

/** The body of POST, and of PATCH, which gets both fields. */
export interface ApiKeyBody {
  name: string;
  scopes: ApiKeyScope[];
}

export function apiKeyToForm(key?: ApiKey): ApiKeyForm {
  return { name: key?.name ?? '', scopes: key ? [...key.scopes] : ['read', 'write'] };
}

/** The field a problem is shown at: one bad scope is told at the list. */
export const apiKeyErrorField = (field: string): string => (field.startsWith('scopes') ? 'scopes' : field);

/** Checks the form against the contract before sending: a name, and at least one scope, in the contract's order. */
export function checkApiKey(form: ApiKeyForm): { body: ApiKeyBody; errors: null } | { body: null; errors: Record<string, string> } {
  const body: ApiKeyBody = { name: form.name.trim(), scopes: apiKeyScopes.filter((s) => form.scopes.includes(s)) };
  const errors: Record<string, string> = {};
  if (body.scopes.length === 0) errors.scopes = i18next.t('admin:apiKeys.noScopes');
  for (const [field, message] of Object.entries(validate(createApiKeyBody, body).errors ?? {})) errors[apiKeyErrorField(field)] ??= message;
  return Object.keys(errors).length ? { body: null, errors } : { body, errors: null };
}

/** The field problems of a refused save (400), keyed as checkApiKey keys them. */
export function apiKeySaveErrors(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors(error))) {
    const at = apiKeyErrorField(field);
    errors[at] ??= at === 'scopes' && /at least/i.test(message) ? i18next.t('admin:apiKeys.noScopes') : message;
  }
  return errors;
}

/** Keys in use first (newest first), revoked ones after them (most recently revoked first). */
export function sortApiKeys(keys: readonly ApiKey[]): ApiKey[] {
  const newest = (a: string | null, b: string | null) => (b ?? '').localeCompare(a ?? '');
  return [...keys].sort((a, b) => Number(a.revoked_at !== null) - Number(b.revoked_at !== null) || newest(a.revoked_at, b.revoked_at) || newest(a.created_at, b.created_at) || b.id - a.id);
}
