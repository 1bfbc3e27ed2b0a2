import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dashboardWidgets } from '../../../contract/cic.ts';
import { orderedWidgets, placeWidget, setHidden } from './cic-layout.ts';

describe('the Customer Information Center layout', () => {
  it('lists every widget once, the saved order first and the rest in the default order', () => {
    expect(orderedWidgets({ order: ['open', 'new'], hidden: [] })).toEqual(['open', 'new', 'customer_users', 'reminder', 'escalated']);
    expect(orderedWidgets(undefined)).toEqual(['customer_users', 'reminder', 'escalated', 'new', 'open']);
  });

  it('drops a widget where another is, the ones between shifting by one', () => {
    expect(placeWidget({ order: [], hidden: [] }, 'open', 'reminder').order).toEqual(['customer_users', 'open', 'reminder', 'escalated', 'new']);
    expect(placeWidget({ order: [], hidden: [] }, 'customer_users', 'new').order).toEqual(['reminder', 'escalated', 'new', 'customer_users', 'open']);
  });

  it('keeps a hidden widget in its slot while the shown ones move around it', () => {
    const moved = placeWidget({ order: [], hidden: ['escalated'] }, 'open', 'customer_users');
    expect(moved.order).toEqual(['open', 'customer_users', 'escalated', 'reminder', 'new']);
    expect(moved.hidden).toEqual(['escalated']);
  });

  it('leaves the order as it is for a drop on itself or on a hidden widget', () => {
    expect(placeWidget({ order: [], hidden: [] }, 'new', 'new').order).toEqual(orderedWidgets(undefined));
    expect(placeWidget({ order: [], hidden: ['reminder'] }, 'new', 'reminder').order).toEqual(orderedWidgets(undefined));
  });

  it('always keeps every widget exactly once and the shown ones in the dropped order', () => {
    const widget = fc.constantFrom(...dashboardWidgets);
    fc.assert(
      fc.property(fc.shuffledSubarray([...dashboardWidgets]), fc.subarray([...dashboardWidgets]), widget, widget, (order, hidden, w, target) => {
        const layout = { order, hidden };
        const placed = placeWidget(layout, w, target);
        expect([...placed.order].sort()).toEqual([...dashboardWidgets].sort());
        const hiddenSlots = (o: readonly string[]) => o.map((x, i) => (hidden.includes(x as never) ? `${i}:${x}` : '')).filter(Boolean);
        expect(hiddenSlots(placed.order)).toEqual(hiddenSlots(orderedWidgets(layout)));
        if (!hidden.includes(w) && !hidden.includes(target)) {
          const shown = placed.order.filter((x) => !hidden.includes(x));
          expect(shown.indexOf(w)).toBe(orderedWidgets(layout).filter((x) => !hidden.includes(x)).indexOf(target));
        }
      }),
    );
  });

  it('hides a widget once and shows it again', () => {
    const hidden = setHidden(setHidden({ order: [], hidden: [] }, 'new', true), 'new', true);
    expect(hidden.hidden).toEqual(['new']);
    expect(setHidden(hidden, 'new', false).hidden).toEqual([]);
  });
});
