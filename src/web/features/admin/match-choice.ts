import type { Category } from '../../../contract/admin.ts';

/** One match list of a policy or rule: any value, or a chosen set (which must not be empty). */
export interface MatchChoice<T> {
  isAny: boolean;
  chosen: T[];
}

/** A match list as the form holds it: null (as saved) matches any value. */
export const toChoice = <T>(list: T[] | null): MatchChoice<T> => (list === null ? { isAny: true, chosen: [] } : { isAny: false, chosen: list });

/** The categories to choose from: a retired one stays listed only where the list still names it. */
export const categoryOptions = (categories: readonly Category[], chosen: readonly number[]): { value: number; label: string }[] =>
  categories.filter((c) => !c.retired || chosen.includes(c.id)).map((c) => ({ value: c.id, label: c.name }));
