import { z } from 'zod';
import { channels } from './channels.ts';
import { idSchema, nonEmpty } from './common.ts';
import { limits } from './limits.ts';

/**
 * Verification (DESIGN.md §2): tickets from the channels a workspace names start unverified,
 * with no department and no assignee, and wait in the "To verify" list. Verifying allocates them
 * to their department and announces them to the customer; rejecting closes them with
 * close_reason=rejected and tells the customer nothing. Only this module's imports are leaves:
 * the workspace contract uses it, and the ticket contract reaches the workspace one.
 */

export const verificationStates = ['verified', 'unverified', 'rejected'] as const;
export type VerificationState = (typeof verificationStates)[number];

/** The workspace setting: channels whose new tickets wait for verification (each once; empty: none do). */
export const verificationChannels = z
  .array(z.enum(channels))
  .max(channels.length)
  .transform((list) => [...new Set(list)])
  .describe('New tickets from these channels start unverified and wait in "To verify" until an agent verifies or rejects them');

export const verifyTicketBody = z.strictObject({
  department: z
    .union([idSchema, nonEmpty(limits.nameMax)])
    .optional()
    .describe('Department id or name; default: the one the ticket asked for (given or routed), else the routing rules now'),
});
export type VerifyTicketBody = z.infer<typeof verifyTicketBody>;

export const rejectTicketBody = z.strictObject({
  reason: z.string().trim().min(1).max(limits.reasonMax).optional().describe('Why it is rejected (spam, not a customer…); shown to agents only'),
});
export type RejectTicketBody = z.infer<typeof rejectTicketBody>;
