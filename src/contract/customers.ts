import { z } from 'zod';
import { email, idSchema, nonEmpty, timestamp } from './common.ts';
import { limits } from './limits.ts';
import { languages } from './workspaces.ts';

export const phone = z
  .string()
  .trim()
  .max(limits.phoneMax)
  .regex(/^\+?[0-9 ()./-]{4,}$/, 'digits, spaces and + ( ) . / - only');

/** A customer's own attributes beyond the fixed fields (contract number, segment, …). */
const attributes = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'attribute names are lower_snake_case'), z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()]))
  .refine((v) => Object.keys(v).length <= 50, 'at most 50 attributes');

export const customer = z
  .object({
    id: z.number(),
    customer_code: z.string().nullable().describe('The customer id the business uses'),
    name: z.string(),
    address: z.string().nullable(),
    notes: z.string().nullable(),
    attributes: z.record(z.string(), z.unknown()),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof customer>;

export const createCustomerBody = z.strictObject({
  name: nonEmpty(limits.nameMax),
  customer_code: nonEmpty(100).nullable().optional(),
  address: z.string().trim().max(1_000).nullable().optional(),
  notes: z.string().trim().max(10_000).nullable().optional(),
  attributes: attributes.optional(),
});

export const patchCustomerBody = createCustomerBody
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const customerUser = z
  .object({
    id: z.number(),
    customer_id: z.number().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable().describe('As entered'),
    phone_e164: z.string().nullable().describe("How it is matched: E.164 when readable (local numbers in the workspace's country), else its digits"),
    language: z.string(),
    loyalty_id: z.string().nullable(),
    valid: z.boolean().describe('false: kept on old tickets, no longer offered for new ones'),
    bounced_at: timestamp.nullable().describe('When mail to them last bounced (a delivery failure or spam complaint read in by the inbound mail channel)'),
    bounce_reason: z.string().nullable().describe('What that bounce said'),
    created_at: timestamp,
    updated_at: timestamp,
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
    loyalty_id: nonEmpty(100).nullable().optional(),
    valid: z.boolean().optional(),
  })
  .refine((b) => b.email || b.phone, { message: 'an email or a phone number is required', path: ['email'] });

export const patchCustomerUserBody = z.strictObject({
  name: nonEmpty(limits.nameMax).optional(),
  email: email.nullable().optional(),
  phone: phone.nullable().optional(),
  language: z.enum(languages).optional(),
  customer_id: idSchema.nullable().optional(),
  loyalty_id: nonEmpty(100).nullable().optional(),
  valid: z.boolean().optional(),
});

export const customerSearchQuery = z.strictObject({
  search: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
  cursor: z.string().max(200).optional(),
});
