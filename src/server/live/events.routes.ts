import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../../contract/common.ts';
import { liveEvent, type LiveEvent } from '../../contract/live.ts';
import { authenticate } from '../auth/authenticate.ts';
import { requireActor } from '../platform/actor.ts';
import type { App, Deps } from '../platform/deps.ts';
import type { LiveBus } from './live-bus.ts';

// Proxies drop connections that stay silent; a comment line every so often keeps it open.
export const HEARTBEAT_MS = 25_000;

/** GET /api/v1/events: the workspace's changes as server-sent events, for the agent app to stay live. */
export function eventsRoutes(app: App, deps: Deps, live: LiveBus): void {
  app.get('/api/v1/events', {
    schema: {
      tags: ['live'],
      summary: 'Live changes of the workspace as server-sent events (text/event-stream; event: ticket | notifications | resync, data: JSON)',
      response: {
        200: { description: 'A stream of events, each as `event: <type>` and `data: <LiveEvent JSON>`', content: { 'text/event-stream': { schema: liveEvent } } },
        ...errors(401),
      },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      streamEvents(request, reply, live, actor.orgId, { agentId: actor.kind === 'agent' ? actor.agentId : null }, async () => {
        const again = await authenticate(deps, request);
        return again !== null && again.orgId === actor.orgId;
      });
    },
  });
}


/**
 * Streams the live events meant for one caller (a workspace's staff, one agent, or one customer)
 * as server-sent events until the client leaves or the server shuts down. A stream outlives the
 * request that opened it: `stillAllowed` is asked at every beat, and a signed-out or revoked
 * caller loses the stream.
 */
export function streamEvents(
  request: FastifyRequest,
  reply: FastifyReply,
  live: LiveBus,
  orgId: number,
  who: { agentId: number | null; customerUserId?: number | null },
  stillAllowed: () => Promise<boolean>,
): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // Browsers reconnect on their own after this pause if the stream breaks.
  res.write('retry: 3000\n: connected\n\n');
  const send = (event: LiveEvent) => res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    res.end();
  };
  const unsubscribe = live.subscribe(orgId, who, send, end);
  const heartbeat = setInterval(() => {
    stillAllowed().then(
      (allowed) => (allowed ? res.write(': beat\n\n') : end()),
      () => end(),
    );
  }, HEARTBEAT_MS);
  heartbeat.unref();
  request.raw.on('close', end);
}
