import { describe, expect, it } from 'vitest';
import { countCategories, positionChanges, reorder } from './category-order.ts';

const list = [
  { id: 1, name: 'Return', position: 0, retired: false },
  { id: 2, name: 'Cancel', position: 1, retired: false },
  { id: 3, name: 'Damage', position: 2, retired: true },
];

describe('the order of categories', () => {
  it('moving one category patches only the two that swap places', () => {
    expect(positionChanges(list, [2, 1, 3])).toEqual([
      { id: 2, position: 0 },
      { id: 1, position: 1 },
    ]);
  });

  it('positions with gaps are closed up to 0, 1, 2 once the list is reordered', () => {
    const gappy = [
      { id: 1, position: 0 },
      { id: 2, position: 5 },
      { id: 3, position: 9 },
    ];
    expect(positionChanges(gappy, [1, 3, 2])).toEqual([
      { id: 3, position: 1 },
      { id: 2, position: 2 },
    ]);
  });

  it('an order the list already has patches nothing', () => {
    expect(positionChanges(list, [1, 2, 3])).toEqual([]);
  });

  it('shows the list in its new order with the new positions, leaving out ids it does not know', () => {
    expect(reorder(list, [3, 9, 1, 2]).map((c) => [c.id, c.position])).toEqual([
      [3, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('counts the categories offered and the retired ones', () => {
    expect(countCategories(list)).toEqual({ offered: 2, retired: 1 });
  });
});
