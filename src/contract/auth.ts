import { z } from 'zod';
import { email, slug } from './common.ts';
import { limits } from './limits.ts';

export const loginBody = z.strictObject({
  email,
  password: z.string().min(1).max(limits.passwordMax),
  workspace: slug.optional().describe('Needed only when the email belongs to agents of several workspaces'),
});

export const me = z
  .object({
    agent: z.object({ id: z.number(), name: z.string(), email: z.string(), role: z.enum(['admin', 'agent']) }),
    workspace: z.object({ id: z.number(), slug: z.string(), name: z.string() }),
    department_ids: z.array(z.number()),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;
