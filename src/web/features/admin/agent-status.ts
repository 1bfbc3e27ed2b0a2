import type { Agent, Department } from '../../../contract/admin.ts';
import type { BadgeTone } from '../../components/ui/badge.tsx';
import { toSearch, writeTicketFilters } from '../tickets/ticket-filters.ts';

/** How an agent's status reads in the table: its badge, and for an invitation when its link expires (or expired). */
export interface AgentStatusLook {
  status: Agent['status'];
  tone: BadgeTone;
  /** While invited: the expiry of the latest link, and whether it has passed. */
  invitation: { expiresAt: string; isExpired: boolean } | null;
}

const tones: Record<Agent['status'], BadgeTone> = { invited: 'amber', active: 'green', deactivated: 'neutral' };

export function agentStatusLook(agent: Agent, now: Date = new Date()): AgentStatusLook {
  const expiresAt = agent.status === 'invited' ? agent.invitation_expires_at : null;
  const isExpired = expiresAt !== null && Date.parse(expiresAt) <= now.getTime();
  return {
    status: agent.status,
    tone: isExpired ? 'red' : tones[agent.status],
    invitation: expiresAt === null ? null : { expiresAt, isExpired },
  };
}

/**
 * How long a mailed link lives, from its expiry: whole days for a week, hours for a day. The server
 * answers the expiry a moment after it counted from, so the span is rounded, not cut.
 */
export function linkLifetime(expiresAt: string, now: Date = new Date()): { unit: 'day' | 'hour'; count: number } {
  const hours = Math.max(0, Math.round((Date.parse(expiresAt) - now.getTime()) / 3_600_000));
  return hours >= 48 ? { unit: 'day', count: Math.round(hours / 24) } : { unit: 'hour', count: hours };
}

/** The tickets dashboard narrowed to the tickets assigned to an agent, to reassign them. */
export const agentTicketsPath = (agentId: number): string => `/tickets${toSearch(writeTicketFilters(new URLSearchParams(), { assignee: agentId }))}`;

/** The names of an agent's departments, alphabetically; ids no longer listed are left out. */
export function departmentNamesOf(agent: Agent, departments: readonly Department[]): string[] {
  const byId = new Map(departments.map((d) => [d.id, d.name]));
  return agent.department_ids
    .map((id) => byId.get(id))
    .filter((name): name is string => name !== undefined)
    .sort((a, b) => a.localeCompare(b));
}
