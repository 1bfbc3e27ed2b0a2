import { describe, expect, it } from 'vitest';
import { moveWidget, orderedWidgets, setHidden } from './cic-layout.ts';

describe('the Customer Information Center layout', () => {
  it('lists every widget once, the saved order first and the rest in the default order', () => {
    expect(orderedWidgets({ order: ['open', 'new'], hidden: [] })).toEqual(['open', 'new', 'customer_users', 'reminder', 'escalated']);
    expect(orderedWidgets(undefined)).toEqual(['customer_users', 'reminder', 'escalated', 'new', 'open']);
  });

  it('moves a widget past the next shown one, skipping hidden widgets', () => {
    const layout = { order: ['customer_users', 'reminder', 'escalated', 'new', 'open'] as const, hidden: ['reminder' as const] };
    expect(moveWidget({ order: [...layout.order], hidden: layout.hidden }, 'customer_users', 1).order).toEqual(['escalated', 'reminder', 'customer_users', 'new', 'open']);
  });

  it('leaves the order as it is when the first widget is moved up', () => {
    expect(moveWidget({ order: [], hidden: [] }, 'customer_users', -1).order).toEqual(['customer_users', 'reminder', 'escalated', 'new', 'open']);
  });

  it('hides a widget once and shows it again', () => {
    const hidden = setHidden(setHidden({ order: [], hidden: [] }, 'new', true), 'new', true);
    expect(hidden.hidden).toEqual(['new']);
    expect(setHidden(hidden, 'new', false).hidden).toEqual([]);
  });
});
