/**
 * Automatic assignment (DESIGN.md §2, routing): which member of a department gets a ticket that
 * enters it with no assignee. Callers pass only eligible members (active, accepting tickets).
 */

/** Round robin: the member after the one picked last, by id, wrapping around; null when there is none. */
export function pickRoundRobin(memberIds: readonly number[], lastPickedId: number | null): number | null {
  if (memberIds.length === 0) return null;
  const sorted = [...memberIds].sort((a, b) => a - b);
  if (lastPickedId === null) return sorted[0];
  return sorted.find((id) => id > lastPickedId) ?? sorted[0];
}

export interface LoadedMember {
  id: number;
  /** Tickets assigned to them in new, open or pending. */
  activeTickets: number;
  /** When automatic assignment last picked them; never picked counts as longest ago. */
  lastAssignedAt: Date | null;
}

const lastMs = (m: LoadedMember) => (m.lastAssignedAt === null ? Number.NEGATIVE_INFINITY : m.lastAssignedAt.getTime());

/** Least loaded: the fewest active tickets; ties to who was picked least recently, then the lowest id. */
export function pickLeastLoaded(members: readonly LoadedMember[]): number | null {
  let best: LoadedMember | null = null;
  for (const m of members) {
    if (
      best === null ||
      m.activeTickets < best.activeTickets ||
      (m.activeTickets === best.activeTickets && (lastMs(m) < lastMs(best) || (lastMs(m) === lastMs(best) && m.id < best.id)))
    ) {
      best = m;
    }
  }
  return best?.id ?? null;
}
