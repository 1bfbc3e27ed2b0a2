import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupBody } from '../../contract/workspaces.ts';
import { resources } from '../i18n/resources.ts';
import { validate } from './validation.ts';

describe('validate against the contract', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));

  it('gives readable messages at the fields the server would name', () => {
    const result = validate(setupBody, { name: ' ', slug: 'Bad Slug', admin: { name: 'Dewi', email: 'nope', password: 'short' } });
    expect(result.errors).toEqual({
      name: 'Required',
      slug: 'Lower-case letters, digits and dashes',
      'admin.email': 'Enter a valid email address, like name@example.com',
      'admin.password': 'At least 10 characters',
    });
  });

  it('says the same in Bahasa Indonesia', async () => {
    await i18next.changeLanguage('id');
    try {
      const result = validate(setupBody, { name: ' ', slug: 'default', admin: { name: 'Dewi', email: 'nope', password: 'short' } });
      expect(result.errors).toEqual({ name: 'Wajib diisi', 'admin.email': 'Masukkan alamat email yang valid, misalnya nama@contoh.com', 'admin.password': 'Minimal 10 karakter' });
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  it('passes a valid body through', () => {
    const body = { name: 'Acme', slug: 'default', admin: { name: 'Dewi', email: 'dewi@acme.test', password: 'long enough pw' } };
    expect(validate(setupBody, body)).toEqual({ data: body, errors: null });
  });
});
