import { publicTicketField } from './ticket-fields.ts';
import { z } from 'zod';
import { email, idSchema, nonEmpty, ref, slug, timestamp } from './common.ts';
import { phone } from './customers.ts';
import { attachmentTypes, limits } from './limits.ts';
import { attachment, numberParams, priorities, resolutionKinds, statuses } from './tickets.ts';
import { languages } from './workspaces.ts';

/**
 * The customer portal's API (DESIGN.md §3 "Customer portal"): `/api/v1/portal/{workspace}/…`.
 * A portal session reaches its own customer user's tickets only; nothing here carries internal
 * notes, agent-only fields or other customers' data.
 */
export const portalParams = z.strictObject({ workspace: slug });
export const portalTicketParams = portalParams.extend(numberParams.shape);
export const portalAttachmentParams = portalTicketParams.extend({ id: idSchema });

/** What the portal needs before anyone signs in: the workspace's name, languages, form choices and limits. */
export const portalConfig = z
  .object({
    workspace: z.object({ slug: z.string(), name: z.string() }),
    default_language: z.enum(languages),
    categories: z.array(ref),
    attachments: z.object({ max_files: z.number(), max_bytes: z.number(), types: z.array(z.enum(attachmentTypes)) }),
    fields: z.array(publicTicketField).describe('The ticket fields the request form asks, in order'),
    accepts_requests: z.boolean().describe('false: the web channel is turned off; the request form takes nothing (409)'),
    captcha: z
      .object({ provider: z.string(), site_key: z.string() })
      .nullable()
      .describe('When set, the request form must send captcha_token from this provider'),
  })
  .meta({ id: 'PortalConfig' });
export type PortalConfig = z.infer<typeof portalConfig>;

export const signInBody = z.strictObject({ email });
export const accepted = z.object({ message: z.string() }).meta({ id: 'Accepted' });

export const portalMe = z
  .object({ name: z.string(), email: z.string().nullable(), language: z.enum(languages) })
  .meta({ id: 'PortalCustomer' });
export type PortalMe = z.infer<typeof portalMe>;
export const patchPortalMeBody = z.strictObject({ language: z.enum(languages) });

export const portalTicketSummary = z
  .object({ number: z.string(), subject: z.string(), status: z.enum(statuses), created_at: timestamp, updated_at: timestamp })
  .meta({ id: 'PortalTicketSummary' });
export type PortalTicketSummary = z.infer<typeof portalTicketSummary>;

export const portalTicket = z
  .object({
    number: z.string(),
    subject: z.string(),
    description: z.string(),
    status: z.enum(statuses),
    priority: z.enum(priorities),
    category: z.string().nullable(),
    department: z.string().nullable(),
    assignee: z.string().nullable().describe("The assigned agent's display name"),
    order_number: z.string().nullable(),
    resolution: z.string().nullable(),
    resolution_kind: z.enum(resolutionKinds).nullable(),
    resolved_by: z.enum(['agent', 'customer']).nullable(),
    pending_reason: z.string().nullable().describe('Why the ticket waits, while it is on hold'),
    created_at: timestamp,
    updated_at: timestamp,
    can_resolve: z.boolean(),
    can_reopen: z.boolean(),
    fields: z.array(publicTicketField.extend({ value: z.unknown() })).describe('The values of the fields shown to customers'),
  })
  .meta({ id: 'PortalTicket' });
export type PortalTicket = z.infer<typeof portalTicket>;

/** A public message of the conversation; internal notes never appear. */
export const portalNote = z
  .object({
    id: z.number(),
    author: z.object({ kind: z.enum(['customer', 'agent', 'system']), name: z.string() }),
    body: z.string(),
    attachments: z.array(attachment),
    created_at: timestamp,
  })
  .meta({ id: 'PortalNote' });
export type PortalNote = z.infer<typeof portalNote>;

export const newPortalNoteBody = z.strictObject({ body: z.string().trim().min(1, 'must not be empty').max(limits.messageMaxBytes) });

export const portalEventTypes = ['created', 'opened', 'held', 'resumed', 'replied', 'note_added', 'resolved', 'reopened', 'closed'] as const;
/** The history as the customer sees it: what concerns them, and who did it ("Customer" when it was them). */
export const portalEvent = z
  .object({
    id: z.number(),
    type: z.enum(portalEventTypes),
    actor: z.object({ kind: z.enum(['customer', 'agent', 'system']), name: z.string() }),
    detail: z.object({
      reason: z.string().nullable().optional(),
      resolution: z.string().nullable().optional(),
      resolution_kind: z.enum(resolutionKinds).nullable().optional(),
    }),
    created_at: timestamp,
  })
  .meta({ id: 'PortalEvent' });
export type PortalEvent = z.infer<typeof portalEvent>;

export const portalResolveBody = z.strictObject({
  resolution: z.string().trim().max(limits.reasonMax).optional().describe('In the customer’s words; defaults to "Resolved by the customer"'),
});

/** The public request form; a signed-in customer may leave out name and email. */
export const portalRequestBody = z.strictObject({
  name: nonEmpty(limits.nameMax).optional(),
  email: email.optional(),
  phone: phone.optional(),
  subject: nonEmpty(limits.subjectMax).optional(),
  category: idSchema.optional(),
  order_number: z.string().trim().min(1).max(limits.refMax).optional(),
  description: z.string().trim().min(1, 'must not be empty').max(limits.descriptionMaxBytes),
  website: z.string().max(0, 'leave this field empty').optional().describe('A honeypot: people leave it empty'),
  custom_fields: z
    .union([z.record(z.string(), z.unknown()), z.string().max(100_000).transform((s, ctx) => {
      try {
        const parsed: unknown = JSON.parse(s);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'a JSON object of field values' });
      return z.NEVER;
    })])
    .optional()
    .describe('Values of the fields the form asks (config.fields); as multipart, a JSON string'),
  captcha_token: z.string().max(4096).optional(),
});
export type PortalRequestBody = z.infer<typeof portalRequestBody>;

export const portalRequestResult = z
  .object({
    number: z.string(),
    folded: z.boolean().describe('true: added as a note to the open request this address sent minutes ago'),
  })
  .meta({ id: 'PortalRequestResult' });
