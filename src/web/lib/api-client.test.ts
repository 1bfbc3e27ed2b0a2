import { describe, expect, it } from 'vitest';
import { ApiError, apiUrl, fieldErrors } from './api-client.ts';

describe('api client', () => {
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

  it('has no field messages for other failures', () => {
    expect(fieldErrors(new ApiError(409, 'conflict', 'Setup is already done'))).toEqual({});
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
