import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** The path of the first string holding a NUL character, or null; PostgreSQL text cannot store one. */
export function findNul(value: unknown, path = 'body', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${path}.${key.replaceAll('\u0000', '\\0')}`;
    const found = findNul(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** A root preValidation hook: a NUL anywhere in a JSON body or the query is a 400 at its field, not a 500 from the database. */
export async function refuseNul(request: FastifyRequest): Promise<void> {
  const field = findNul(request.body) ?? findNul(request.query, 'querystring');
  if (field) throw new AppError('validation_error', `${field} contains a NUL character, which text cannot hold`, [{ field, message: 'contains a NUL character' }]);
}
