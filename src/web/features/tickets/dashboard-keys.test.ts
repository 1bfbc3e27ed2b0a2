import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveHighlight, type RowKeyEvent, rowKeyAction } from './dashboard-keys.ts';

const press = (key: string, tagName = 'BODY', extra: Partial<RowKeyEvent> = {}): RowKeyEvent => ({ key, ctrlKey: false, metaKey: false, altKey: false, target: { tagName }, ...extra });

describe('row keys on the dashboard', () => {
  it('maps j, k, Enter and x to moving, opening and selecting', () => {
    expect(['j', 'k', 'Enter', 'x', 'q'].map((k) => rowKeyAction(press(k)))).toEqual(['next', 'previous', 'open', 'toggle', null]);
  });

  it('leaves keys alone while the agent types or uses a shortcut of the browser', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) expect(rowKeyAction(press('j', tag))).toBeNull();
    expect(rowKeyAction(press('j', 'DIV', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeNull();
    expect(rowKeyAction(press('k', 'BODY', { ctrlKey: true }))).toBeNull();
    expect(rowKeyAction(press('x', 'BODY', { metaKey: true }))).toBeNull();
  });

  it('lets Enter on a link or button do its own thing', () => {
    expect(rowKeyAction(press('Enter', 'A'))).toBeNull();
    expect(rowKeyAction(press('Enter', 'BUTTON'))).toBeNull();
    expect(rowKeyAction(press('j', 'BUTTON'))).toBe('next');
  });

  it('moves on from a row checkbox with j, which is no typing, but leaves its Enter alone', () => {
    const checkbox = { tagName: 'INPUT', type: 'checkbox' };
    expect(rowKeyAction(press('j', 'INPUT', { target: checkbox }))).toBe('next');
    expect(rowKeyAction(press('Enter', 'INPUT', { target: checkbox }))).toBeNull();
    expect(rowKeyAction(press('j', 'INPUT', { target: { tagName: 'INPUT', type: 'search' } }))).toBeNull();
  });

  it('starts at the first row on j and the last on k, and stops at the ends', () => {
    expect(moveHighlight(null, 1, 3)).toBe(0);
    expect(moveHighlight(null, -1, 3)).toBe(2);
    expect(moveHighlight(2, 1, 3)).toBe(2);
    expect(moveHighlight(0, -1, 3)).toBe(0);
    expect(moveHighlight(1, 1, 0)).toBeNull();
  });

  it('always lands on a row that exists (property)', () => {
    fc.assert(
      fc.property(fc.option(fc.nat(200), { nil: null }), fc.constantFrom<1 | -1>(1, -1), fc.integer({ min: 1, max: 100 }), (current, step, count) => {
        const next = moveHighlight(current, step, count);
        expect(next).not.toBeNull();
        expect(next).toBeGreaterThanOrEqual(0);
        expect(next).toBeLessThan(count);
      }),
    );
  });
});
