import { describe, expect, it } from 'vitest';
import { returnPath } from './return-path.ts';

describe('returnPath after sign-in', () => {
  it('goes back to the page that asked, with its filters', () => {
    expect(returnPath({ from: { pathname: '/tickets', search: '?status=open' } })).toBe('/tickets?status=open');
  });

  it('falls back to the tickets page without a usable origin', () => {
    expect(returnPath(null)).toBe('/tickets');
    expect(returnPath({})).toBe('/tickets');
    expect(returnPath({ from: { pathname: '//evil.example', search: '' } })).toBe('/tickets');
    expect(returnPath({ from: { pathname: '/sign-in', search: '' } })).toBe('/tickets');
  });
});
