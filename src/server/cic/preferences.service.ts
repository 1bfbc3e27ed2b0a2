import { cicLayout, dashboardWidgets, type CicLayout, type Preference, type PreferenceKey } from '../../contract/cic.ts';
import type { AgentActor } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';
import { iso } from '../platform/dto.ts';
import { findPreference, upsertPreference } from './preferences.repository.ts';

/** Every widget in its listed order, those left out after them in the default order: a layout saved before a widget existed still shows it. */
export function completeLayout(layout: CicLayout): CicLayout {
  const order = [...layout.order, ...dashboardWidgets.filter((w) => !layout.order.includes(w))];
  return { order, hidden: [...new Set(layout.hidden)] };
}

export const defaultLayout = (): CicLayout => ({ order: [...dashboardWidgets], hidden: [] });

/** The agent's own value of the preference, or the default (updated_at null) until they save one. */
export async function getPreference(deps: Deps, agent: AgentActor, key: PreferenceKey): Promise<Preference> {
  const row = await findPreference(deps.db, agent.orgId, agent.agentId, key);
  // A stored value a later version no longer reads falls back to the default rather than failing the dashboard.
  const stored = row ? cicLayout.safeParse(row.value) : null;
  if (!row || !stored?.success) return { key, value: defaultLayout(), updated_at: null };
  return { key, value: completeLayout(stored.data), updated_at: iso(row.updated_at) };
}

/** Saves the agent's own value of the preference (validated by the route's schema). */
export async function putPreference(deps: Deps, agent: AgentActor, key: PreferenceKey, value: CicLayout): Promise<Preference> {
  const complete = completeLayout(value);
  const row = await upsertPreference(deps.db, agent.orgId, agent.agentId, key, complete, deps.clock.now());
  return { key, value: complete, updated_at: iso(row.updated_at) };
}
