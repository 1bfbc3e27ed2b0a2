import { z } from 'zod';
import { email, idSchema, nonEmpty, password, timestamp } from './common.ts';
import { limits } from './limits.ts';
import { assignmentMode } from './routing.ts';

export const roles = ['admin', 'agent'] as const;

export const agent = z
  .object({
    id: z.number(),
    name: z.string(),
    email: z.string(),
    role: z.enum(roles),
    is_active: z.boolean(),
    department_ids: z.array(z.number()),
    accepting_tickets: z.boolean().describe('Available for automatic assignment'),
    last_sign_in_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'Agent' });
export type Agent = z.infer<typeof agent>;

export const createAgentBody = z.strictObject({
  name: nonEmpty(limits.nameMax),
  email,
  password,
  role: z.enum(roles).default('agent'),
  department_ids: z.array(idSchema).max(100).default([]),
});
export const patchAgentBody = z.strictObject({
  name: nonEmpty(limits.nameMax).optional(),
  role: z.enum(roles).optional(),
  is_active: z.boolean().optional(),
  password: password.optional(),
  accepting_tickets: z.boolean().optional().describe('false: automatic assignment passes the agent over'),
});

export const department = z
  .object({
    id: z.number(),
    name: z.string(),
    email: z.string().nullable(),
    member_ids: z.array(z.number()),
    assignment_mode: assignmentMode,
    created_at: timestamp,
  })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof department>;

export const createDepartmentBody = z.strictObject({
  name: nonEmpty(limits.nameMax),
  email: email.nullable().optional(),
  member_ids: z.array(idSchema).max(1000).default([]),
  assignment_mode: assignmentMode.default('manual'),
});
export const patchDepartmentBody = z.strictObject({
  name: nonEmpty(limits.nameMax).optional(),
  email: email.nullable().optional(),
  member_ids: z.array(idSchema).max(1000).optional(),
  assignment_mode: assignmentMode.optional(),
});

export const category = z
  .object({ id: z.number(), name: z.string(), position: z.number(), retired: z.boolean() })
  .meta({ id: 'Category' });
export type Category = z.infer<typeof category>;

export const createCategoryBody = z.strictObject({
  name: nonEmpty(100),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const patchCategoryBody = z.strictObject({
  name: nonEmpty(100).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  retired: z.boolean().optional(),
});

export const apiKey = z
  .object({
    id: z.number(),
    name: z.string(),
    prefix: z.string(),
    created_at: timestamp,
    last_used_at: timestamp.nullable(),
    revoked_at: timestamp.nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof apiKey>;
export const createdApiKey = apiKey.extend({ key: z.string().describe('Shown once; store it now') }).meta({ id: 'CreatedApiKey' });
export const createApiKeyBody = z.strictObject({ name: nonEmpty(limits.nameMax) });

export const idParams = z.strictObject({ id: idSchema });
