import { z } from 'zod';
import { email, idSchema, nonEmpty, timestamp } from './common.ts';
import { limits } from './limits.ts';
import { languages } from './workspaces.ts';

export const phone = z
  .string()
  .trim()
  .max(limits.phoneMax)
  .regex(/^\+?[0-9 ()./-]{4,}$/, 'digits, spaces and + ( ) . / - only');

export const customer = z
  .object({ id: z.number(), customer_code: z.string().nullable(), name: z.string(), created_at: timestamp })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof customer>;

export const createCustomerBody = z.strictObject({
  name: nonEmpty(limits.nameMax),
  customer_code: nonEmpty(100).nullable().optional(),
});

export const customerUser = z
  .object({
    id: z.number(),
    customer_id: z.number().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    language: z.string(),
    created_at: timestamp,
  })
  .meta({ id: 'CustomerUser' });
export type CustomerUser = z.infer<typeof customerUser>;

export const createCustomerUserBody = z
  .strictObject({
    name: nonEmpty(limits.nameMax),
    email: email.nullable().optional(),
    phone: phone.nullable().optional(),
    language: z.enum(languages).optional(),
    customer_id: idSchema.nullable().optional(),
  })
  .refine((b) => b.email || b.phone, { message: 'an email or a phone number is required', path: ['email'] });

export const patchCustomerUserBody = z.strictObject({
  name: nonEmpty(limits.nameMax).optional(),
  email: email.nullable().optional(),
  phone: phone.nullable().optional(),
  language: z.enum(languages).optional(),
  customer_id: idSchema.nullable().optional(),
});

export const customerSearchQuery = z.strictObject({
  search: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
  cursor: z.string().max(200).optional(),
});
