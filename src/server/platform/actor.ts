import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** Who is making a request, always within one workspace. */
export type Actor =
  | { kind: 'agent'; orgId: number; agentId: number; role: 'admin' | 'agent'; name: string; sessionId: number | null }
  | { kind: 'integration'; orgId: number; apiKeyId: number; name: string };

export type AgentActor = Extract<Actor, { kind: 'agent' }>;

/** Who may act on a ticket: staff through the API, the customer in the portal, or the system's jobs. */
export type TicketActor =
  | Actor
  | { kind: 'customer'; orgId: number; customerUserId: number; name: string }
  | { kind: 'system'; orgId: number; name: string };

export const systemActor = (orgId: number): TicketActor => ({ kind: 'system', orgId, name: 'System' });

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthorized', 'Sign in or send an API key');
  return request.actor;
}

export function requireAgent(request: FastifyRequest): AgentActor {
  const actor = requireActor(request);
  if (actor.kind !== 'agent') throw new AppError('forbidden', 'This route needs a signed-in agent');
  return actor;
}

export function requireAdmin(request: FastifyRequest): AgentActor {
  const agent = requireAgent(request);
  if (agent.role !== 'admin') throw new AppError('forbidden', 'This route needs the admin role');
  return agent;
}

/** The agent id to record as reporter/author, or null for integrations. */
export const actorAgentId = (actor: TicketActor): number | null => (actor.kind === 'agent' ? actor.agentId : null);
