import { z } from 'zod';
import { limits } from './limits.ts';

export const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const timestamp = z.iso.datetime({ offset: true });
export const email = z.email().max(limits.emailMax);
export const slug = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lower-case letters, digits and dashes');
export const password = z.string().min(limits.passwordMin).max(limits.passwordMax);
export const nonEmpty = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const errorResponse = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: 'Error' });

export const ref = z.object({ id: z.number(), name: z.string() });

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}

/** Standard error responses to list in a route's OpenAPI entry. */
export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, errorResponse]));
