/** The ids in a new order: one moved up (-1) or down (+1) by one place; at either end nothing moves. */
export function moveId(ids: readonly number[], id: number, by: -1 | 1): number[] {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

/** Names by id, for the departments, categories and calendars a policy or rule names by id. */
export const namesById = (items: readonly { id: number; name: string }[] | undefined): Map<number, string> => new Map((items ?? []).map((i) => [i.id, i.name]));

/** A name from such a map; an id it does not know (deleted since the list was read) shows as `#id`. */
export const nameOf = (names: Map<number, string>, id: number): string => names.get(id) ?? `#${id}`;
