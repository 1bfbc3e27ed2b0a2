import type { Category } from '../../../contract/admin.ts';

/**
 * Categories have no "set the order" call: each keeps a position of its own. A new order is
 * saved by giving every category whose place changed its index as position (0, 1, 2…), which
 * also closes any gaps left by older positions.
 */
export function positionChanges(items: readonly Pick<Category, 'id' | 'position'>[], ids: readonly number[]): { id: number; position: number }[] {
  const byId = new Map(items.map((c) => [c.id, c]));
  return ids.flatMap((id, position) => {
    const item = byId.get(id);
    return item && item.position !== position ? [{ id, position }] : [];
  });
}

/** The list in a new order, each with its new position: what the page shows while the order is saved. */
export function reorder<C extends Pick<Category, 'id' | 'position'>>(items: readonly C[], ids: readonly number[]): C[] {
  const byId = new Map(items.map((c) => [c.id, c]));
  return ids.flatMap((id) => byId.get(id) ?? []).map((item, position) => ({ ...item, position }));
}

/** The categories still offered on new tickets, and how many are retired. */
export function countCategories(items: readonly Pick<Category, 'retired'>[]): { offered: number; retired: number } {
  const retired = items.filter((c) => c.retired).length;
  return { offered: items.length - retired, retired };
}
