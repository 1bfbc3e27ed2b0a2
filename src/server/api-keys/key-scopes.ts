import type { ApiKeyScope } from '../../contract/admin.ts';

const intakePaths = new Set(['/api/v1/channels/reviews', '/api/v1/channels/orders']);

/** The scope an API key needs for a request: intake of reviews and orders, reading, or changing. */
export function scopeNeeded(method: string, url: string): ApiKeyScope {
  const path = url.split('?', 1)[0].replace(/\/+$/, '');
  if (method === 'POST' && intakePaths.has(path)) return 'channels';
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}
