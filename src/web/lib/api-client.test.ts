import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../i18n/resources.ts';
import { api, ApiError, apiUrl, fieldErrors } from './api-client.ts';

describe('api client', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));
  afterAll(() => i18next.changeLanguage('en'));

  it('builds API URLs without the empty parameters', () => {
    expect(apiUrl('/tickets', { limit: 50, status: 'new', cursor: null, q: '' })).toBe('/api/v1/tickets?limit=50&status=new');
    expect(apiUrl('/auth/me')).toBe('/api/v1/auth/me');
  });

  it('maps a 400 to messages keyed by the field path in the body, first message per field', () => {
    const error = new ApiError(400, 'validation_error', 'Invalid request', [
      { field: 'body.admin.email', message: 'Invalid email address' },
      { field: 'body.admin.email', message: 'second' },
      { field: 'body.slug', message: 'lower-case letters, digits and dashes' },
      { nonsense: true },
    ]);
    expect(fieldErrors(error)).toEqual({ 'admin.email': 'Invalid email address', slug: 'lower-case letters, digits and dashes' });
  });

  it("words the server's field rules in the agent's language, and keeps the server's words for rules it does not know", async () => {
    const error = new ApiError(400, 'validation_error', 'Invalid request', [
      { field: 'body.subject', message: 'must not be empty', rule: 'too_small', origin: 'string', minimum: 1 },
      { field: 'body.description', message: 'Too big', rule: 'too_big', origin: 'string', maximum: 5000 },
      { field: 'body.customer.email', message: 'Invalid email address', rule: 'invalid_format', format: 'email' },
      { field: 'body.priority', message: 'Invalid option', rule: 'invalid_value' },
      { field: 'body.colour', message: 'unknown field', rule: 'unknown_field' },
      { field: 'body.customer_user_id', message: 'no such customer user in this workspace' },
    ]);
    expect(fieldErrors(error)).toEqual({
      subject: 'Required',
      description: 'At most 5000 characters',
      'customer.email': 'Enter a valid email address, like name@example.com',
      priority: 'Choose one of the options',
      colour: 'This field is not accepted here',
      customer_user_id: 'no such customer user in this workspace',
    });
    await i18next.changeLanguage('id');
    expect(fieldErrors(error)).toMatchObject({ subject: 'Wajib diisi', description: 'Maksimal 5000 karakter', priority: 'Pilih salah satu opsi' });
    await i18next.changeLanguage('en');
  });

  it('words network failures, server failures and the refusals an agent meets, keeping other refusals as the server said them', async () => {
    const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const call = async (fetcher: typeof fetch) => {
      const original = globalThis.fetch;
      globalThis.fetch = fetcher;
      try {
        await api('/tickets');
        throw new Error('expected a failure');
      } catch (error) {
        return error as ApiError;
      } finally {
        globalThis.fetch = original;
      }
    };
    await i18next.changeLanguage('id');
    expect((await call(async () => Promise.reject(new TypeError('fetch failed')))).message).toBe('Server tidak dapat dihubungi. Periksa koneksi Anda dan coba lagi.');
    expect((await call(answer(503, { error: { code: 'internal', message: 'Internal error (request r1)' } }))).message).toContain('(503)');
    const locked = await call(answer(423, { error: { code: 'locked', message: 'Ticket 1 is locked by another agent' } }));
    expect([locked.status, locked.code, locked.message]).toEqual([423, 'locked', 'Agen lain telah mengunci tiket ini.']);
    expect((await call(answer(409, { error: { code: 'conflict', message: 'A category named "X" exists already' } }))).message).toBe('A category named "X" exists already');
    await i18next.changeLanguage('en');
  });

  it('sends a text body as it is with its own content type, and JSON bodies as before', async () => {
    const sent: RequestInit[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = async (_url, init) => {
      sent.push(init ?? {});
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    try {
      await api('/customer-users/import', { method: 'POST', text: { body: 'name,email\nA,a@x.test', type: 'text/csv; charset=utf-8' } });
      await api('/customer-users', { method: 'POST', body: { name: 'A' } });
    } finally {
      globalThis.fetch = original;
    }
    expect(sent.map((init) => [(init.headers as Record<string, string>)['content-type'], init.body])).toEqual([
      ['text/csv; charset=utf-8', 'name,email\nA,a@x.test'],
      ['application/json', '{"name":"A"}'],
    ]);
  });

  it('has no field messages for other failures', () => {
    expect(fieldErrors(new ApiError(409, 'conflict', 'Setup is already done'))).toEqual({});
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
