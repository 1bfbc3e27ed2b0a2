import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../../i18n/resources.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { checkNewPassword, linkFailure, passwordErrors, tokenFromHash } from './set-password.ts';

const token = 'q0Ww8bY4_-3h2Kx9mZ1aP7cV5nR6tU8sL0dF2gH4jK6';

beforeAll(() => i18next.init({ resources, lng: 'en', defaultNS: 'common', initAsync: false }));

describe('the set-password link', () => {
  it('reads the token from the fragment of the mailed link', () => {
    expect(tokenFromHash(`#${token}`)).toBe(token);
    expect(tokenFromHash(token)).toBe(token);
  });

  it('has no token when the fragment is empty or cannot be one', () => {
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#')).toBeNull();
    expect(tokenFromHash('#abc def')).toBeNull();
    expect(tokenFromHash('#%E0%A4%A')).toBeNull();
    expect(tokenFromHash(`#${'a'.repeat(201)}`)).toBeNull();
  });

  it('wants the contract’s length, typed the same twice', () => {
    expect(checkNewPassword('short', 'short')).toEqual({ password: 'At least 10 characters' });
    expect(checkNewPassword('', '')).toEqual({ password: 'At least 10 characters' });
    expect(checkNewPassword('correct-horse-battery', 'correct-horse-batter')).toEqual({ repeat: 'The two passwords differ.' });
    expect(checkNewPassword('correct-horse-battery', 'correct-horse-battery')).toEqual({});
  });

  it('tells a spent link (404) from too many tries (429) and other failures', () => {
    expect(linkFailure(new ApiError(404, 'not_found', 'This link was used already'))).toBe('spent');
    expect(linkFailure(new ApiError(429, 'rate_limited', 'Too many requests', undefined, 60))).toBe('tooMany');
    expect(linkFailure(new ApiError(0, 'network_error', 'offline'))).toBe('other');
  });

  it('puts a refused password (400) at the password field', () => {
    const refused = new ApiError(400, 'validation_error', 'Invalid request', [{ field: 'body.password', message: 'Too small', rule: 'too_small', origin: 'string', minimum: 10 }]);
    expect(passwordErrors(refused)).toEqual({ password: 'At least 10 characters' });
    expect(passwordErrors(new ApiError(404, 'not_found', 'gone'))).toEqual({});
  });
});
