import { describe, expect, it } from 'vitest';
import { scopeNeeded } from './key-scopes.ts';

describe('scopeNeeded', () => {
  it('asks the channels scope of review and order intake only', () => {
    expect(scopeNeeded('POST', '/api/v1/channels/reviews')).toBe('channels');
    expect(scopeNeeded('POST', '/api/v1/channels/orders?x=1')).toBe('channels');
    expect(scopeNeeded('POST', '/api/v1/channels/orders/')).toBe('channels');
    expect(scopeNeeded('PUT', '/api/v1/channels/review-rules')).toBe('write');
    expect(scopeNeeded('GET', '/api/v1/channels/sources')).toBe('read');
  });
  it('asks read of GET and HEAD, write of every other change', () => {
    expect(scopeNeeded('GET', '/api/v1/tickets?status=open')).toBe('read');
    expect(scopeNeeded('HEAD', '/api/v1/tickets')).toBe('read');
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) expect(scopeNeeded(method, '/api/v1/tickets')).toBe('write');
  });
});
