import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiKey } from '../../../contract/admin.ts';
import { resources } from '../../i18n/resources.ts';
import { ApiError } from '../../lib/api-client.ts';
import { apiKeySaveErrors, apiKeyToForm, checkApiKey, sortApiKeys } from './api-key-form.ts';

const key = (id: number, overrides: Partial<ApiKey> = {}): ApiKey => ({
  id,
  name: `Key ${id}`,
  prefix: `cdk_1_${id}_`,
  scopes: ['channels'],
  created_at: `2026-01-0${id}T00:00:00Z`,
  last_used_at: null,
  revoked_at: null,
  ...overrides,
});

describe('the API key form', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));

  it('sends a key’s name and scopes back as they were read', () => {
    expect(checkApiKey(apiKeyToForm(key(1, { name: 'Web shop', scopes: ['read', 'channels'] })))).toEqual({ body: { name: 'Web shop', scopes: ['read', 'channels'] }, errors: null });
  });

  it('offers read and write for a new key, and sends the scopes in the contract’s order, once each', () => {
    expect(apiKeyToForm()).toEqual({ name: '', scopes: ['read', 'write'] });
    expect(checkApiKey({ name: ' POS ', scopes: ['channels', 'read', 'channels'] }).body).toEqual({ name: 'POS', scopes: ['read', 'channels'] });
  });

  it('asks for a name and at least one scope before sending', () => {
    expect(checkApiKey({ name: '  ', scopes: [] })).toEqual({ body: null, errors: { name: 'Required', scopes: 'Choose at least one scope.' } });
  });

  it('tells the server’s refusal at the field: a scope at the list', () => {
    const refused = new ApiError(400, 'validation_error', 'Invalid request', [
      { field: 'body.scopes', message: 'choose at least one scope', rule: 'too_small', origin: 'array' },
      { field: 'body.name', message: 'Too big', rule: 'too_big', origin: 'string', maximum: 200 },
    ]);
    expect(apiKeySaveErrors(refused)).toEqual({ scopes: 'Choose at least one scope.', name: 'At most 200 characters' });
    expect(apiKeySaveErrors(new ApiError(400, 'validation_error', 'Invalid request', [{ field: 'body.scopes.1', message: 'Invalid option', rule: 'invalid_value' }]))).toEqual({
      scopes: 'Choose one of the options',
    });
    expect(apiKeySaveErrors(new Error('offline'))).toEqual({});
  });
});

describe('the list of API keys', () => {
  it('shows keys in use first, newest first, and revoked ones after them', () => {
    const keys = [key(1), key(2, { revoked_at: '2026-02-01T00:00:00Z' }), key(3), key(4, { revoked_at: '2026-03-01T00:00:00Z' })];
    expect(sortApiKeys(keys).map((k) => k.id)).toEqual([3, 1, 4, 2]);
  });
});
