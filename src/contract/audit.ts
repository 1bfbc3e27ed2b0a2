import { z } from 'zod';
import { timestamp } from './common.ts';
import { limits } from './limits.ts';

export const auditEntry = z
  .object({
    id: z.number(),
    actor: z.object({ id: z.number().nullable(), name: z.string() }),
    action: z.string().describe('created, changed, deleted, or what a POST did (rotate-secret, invitation, …)'),
    entity: z.string().describe('What changed: settings, agent, department, category, ticket_field, api_key, webhook, …'),
    entity_id: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable().describe('The fields that changed, as they were (secrets left out)'),
    after: z.record(z.string(), z.unknown()).nullable().describe('The same fields as they became'),
    created_at: timestamp,
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = z.strictObject({
  entity: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
  cursor: z.string().max(200).optional(),
});

export const auditPage = z.object({ items: z.array(auditEntry), next_cursor: z.string().nullable() }).meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof auditPage>;
