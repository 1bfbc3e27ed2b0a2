import { channels } from './channels.ts';
import { z } from 'zod';
import { email, slug } from './common.ts';
import { limits } from './limits.ts';
import { languages } from './workspaces.ts';

export const loginBody = z.strictObject({
  email,
  password: z.string().min(1).max(limits.passwordMax),
  workspace: slug.optional().describe('Needed only when the email belongs to agents of several workspaces'),
});

export const me = z
  .object({
    agent: z.object({
      id: z.number(),
      name: z.string(),
      email: z.string(),
      role: z.enum(['admin', 'agent']),
      language: z.enum(languages).nullable().describe("The agent's own language; null follows the workspace's default"),
      email_notifications: z.boolean().describe('Notifications also come by email'),
    }),
    workspace: z.object({ id: z.number(), slug: z.string(), name: z.string(), default_language: z.enum(languages), logo_url: z.string().nullable(), channels_enabled: z.array(z.enum(channels)).describe('Channels that take new tickets') }),
    department_ids: z.array(z.number()),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;

/** What an agent changes about themselves. */
export const patchMeBody = z
  .strictObject({
    language: z.enum(languages).nullable().optional().describe("The agent's language for the app; null follows the workspace's default"),
    email_notifications: z.boolean().optional().describe('Also send my notifications by email'),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type PatchMeBody = z.infer<typeof patchMeBody>;
