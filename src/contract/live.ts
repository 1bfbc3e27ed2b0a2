import { z } from 'zod';

/**
 * What GET /api/v1/events streams (server-sent events, `event:` is the type, `data:` the JSON):
 * a ticket of the workspace changed (read it again), the agent's own notifications changed, or
 * changes may have been missed (reload all).
 */
export const liveEvent = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('ticket'), ticket_id: z.number() }),
    z.object({ type: z.literal('notifications') }).describe("The receiving agent's notifications changed (one arrived or was read)"),
    z.object({ type: z.literal('resync') }),
  ])
  .meta({ id: 'LiveEvent' });
export type LiveEvent = z.infer<typeof liveEvent>;
