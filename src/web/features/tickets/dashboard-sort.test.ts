import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortKeys } from '../../../contract/tickets.ts';
import { ariaSortOf, nextSort, sortStateOf } from './dashboard-sort.ts';

describe('sorting the dashboard by a column', () => {
  it('sorts by priority with urgent first on the first click, and flips on the second', () => {
    expect(nextSort(undefined, 'priority')).toBe('-priority');
    expect(nextSort('-priority', 'priority')).toBe('priority');
    expect(nextSort('priority', 'priority')).toBe('-priority');
  });

  it('sorts by due time soonest first', () => {
    expect(nextSort('-priority', 'due')).toBe('due');
  });

  it('treats no sort as newest first, so the first click on Created gives oldest first and the second clears the parameter', () => {
    expect(sortStateOf(undefined)).toEqual({ key: 'created_at', isDescending: true });
    expect(nextSort(undefined, 'created_at')).toBe('created_at');
    expect(nextSort('created_at', 'created_at')).toBeUndefined();
  });

  it('marks only the sorted column with aria-sort', () => {
    expect(ariaSortOf('-priority', 'priority')).toBe('descending');
    expect(ariaSortOf('-priority', 'number')).toBeUndefined();
    expect(ariaSortOf(undefined, 'created_at')).toBe('descending');
  });

  it('two clicks on the same column always come back to the same order (property)', () => {
    const sort = fc.option(fc.constantFrom(...sortKeys.flatMap((k) => [k, `-${k}` as const])), { nil: undefined });
    fc.assert(
      fc.property(sort, fc.constantFrom(...sortKeys), (start, key) => {
        const once = nextSort(start, key);
        expect(sortStateOf(once).key).toBe(key);
        expect(sortStateOf(nextSort(nextSort(once, key), key))).toEqual(sortStateOf(once));
      }),
    );
  });
});
