import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ColumnId, dashboardColumns, parseHiddenColumns, serializeHiddenColumns, visibleColumns } from './dashboard-columns.ts';

describe('the column choice saved in the browser', () => {
  it('shows every column when nothing was saved or the saved text is unreadable', () => {
    for (const stored of [null, '', 'not json', '{"a":1}', '42']) expect(visibleColumns(parseHiddenColumns(stored))).toHaveLength(dashboardColumns.length);
  });

  it('never hides Number or Subject, and ignores columns it does not know', () => {
    const hidden = parseHiddenColumns(JSON.stringify(['number', 'subject', 'reporter', 'colour', 7]));
    expect([...hidden]).toEqual(['reporter']);
    expect(visibleColumns(hidden).map((c) => c.id)).not.toContain('reporter');
    expect(visibleColumns(hidden).map((c) => c.id).slice(0, 2)).toEqual(['number', 'subject']);
  });

  it('reads back any choice it saved (property)', () => {
    const ids = dashboardColumns.map((c) => c.id);
    fc.assert(
      fc.property(fc.subarray<ColumnId>(ids), (chosen) => {
        const hidden = parseHiddenColumns(serializeHiddenColumns(new Set(chosen)));
        expect([...hidden].sort()).toEqual(chosen.filter((id) => id !== 'number' && id !== 'subject').sort());
      }),
    );
  });
});
