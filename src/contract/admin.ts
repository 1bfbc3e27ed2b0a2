import { z } from 'zod';
import { email, idSchema, nonEmpty, password, timestamp } from './common.ts';
import { limits } from './limits.ts';
import { assignmentMode } from './routing.ts';

export const roles = ['admin', 'agent'] as const;
export const agentStatuses = ['invited', 'active', 'deactivated'] as const;

export const agent = z
  .object({
    id: z.number(),
    name: z.string(),
    email: z.string(),
    role: z.enum(roles),
    is_active: z.boolean(),
    status: z.enum(agentStatuses).describe('invited: has not chosen a password yet; deactivated: cannot sign in'),
    invitation_expires_at: timestamp.nullable().describe('While invited: when the latest invitation link expires'),
    open_tickets: z.number().describe('Tickets assigned to the agent that are not resolved or closed (to reassign when deactivating)'),
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
export const inviteAgentBody = z.strictObject({
  name: nonEmpty(limits.nameMax),
  email,
  role: z.enum(roles).default('agent'),
  department_ids: z.array(idSchema).max(100).default([]),
});

/** What a sent invitation or password-reset link says about itself (the link itself goes only to the agent's mailbox). */
export const sentAgentLink = z
  .object({ agent_id: z.number(), sent_to: z.string(), expires_at: timestamp, outbox_id: z.number() })
  .meta({ id: 'SentAgentLink' });

export const agentLinkBody = z.strictObject({ token: z.string().min(1).max(200) });
export const acceptAgentLinkBody = z.strictObject({ token: z.string().min(1).max(200), password });
export const agentLinkInfo = z
  .object({
    purpose: z.enum(['invitation', 'password_reset']),
    name: z.string(),
    email: z.string(),
    workspace: z.object({ slug: z.string(), name: z.string() }),
    expires_at: timestamp,
  })
  .meta({ id: 'AgentLinkInfo' });
export type AgentLinkInfo = z.infer<typeof agentLinkInfo>;

export const patchAgentBody = z.strictObject({
  name: nonEmpty(limits.nameMax).optional(),
  role: z.enum(roles).optional(),
  is_active: z.boolean().optional(),
  password: password.optional(),
  accepting_tickets: z.boolean().optional().describe('false: automatic assignment passes the agent over'),
  department_ids: z.array(idSchema).max(100).optional().describe("The agent's departments (their \"my departments\"), replacing the earlier ones"),
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
export const orderCategoriesBody = z.strictObject({
  ids: z.array(idSchema).max(1000).describe('Every category id of the workspace (retired ones too), in the order forms offer them'),
});
export const patchCategoryBody = z.strictObject({
  name: nonEmpty(100).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  retired: z.boolean().optional(),
});

/**
 * What an API key may do: read (GET), write (every other change) and channels (the intake
 * routes under /api/v1/channels that turn reviews and orders into tickets).
 */
export const apiKeyScopes = ['read', 'write', 'channels'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];
const scopesInput = z
  .array(z.enum(apiKeyScopes))
  .min(1, 'choose at least one scope')
  .max(apiKeyScopes.length)
  .transform((scopes) => apiKeyScopes.filter((s) => scopes.includes(s)));

export const apiKey = z
  .object({
    id: z.number(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.enum(apiKeyScopes)),
    created_at: timestamp,
    last_used_at: timestamp.nullable(),
    revoked_at: timestamp.nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof apiKey>;
export const createdApiKey = apiKey.extend({ key: z.string().describe('Shown once; store it now') }).meta({ id: 'CreatedApiKey' });
export const createApiKeyBody = z.strictObject({ name: nonEmpty(limits.nameMax), scopes: scopesInput.default([...apiKeyScopes]) });
export const patchApiKeyBody = z
  .strictObject({ name: nonEmpty(limits.nameMax).optional(), scopes: scopesInput.optional() })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const idParams = z.strictObject({ id: idSchema });
