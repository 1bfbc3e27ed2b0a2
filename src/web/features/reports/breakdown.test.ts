import { describe, expect, it } from 'vitest';
import { breakdownName, chartRows, hasCounts } from './breakdown.ts';

describe('breakdown rows', () => {
  it('names channels by the app’s word, sources and categories by the server’s label, and none as none', () => {
    expect(breakdownName('channel', { key: 'phone', label: 'Phone' })).toEqual({ kind: 'channel', channel: 'phone' });
    expect(breakdownName('channel', { key: 'marketplace:ebay', label: 'eBay' })).toEqual({ kind: 'label', label: 'eBay' });
    expect(breakdownName('category', { key: '', label: 'No category' })).toEqual({ kind: 'none', dimension: 'category' });
    expect(breakdownName('category', { key: '4', label: 'Damage' })).toEqual({ kind: 'label', label: 'Damage' });
    // A department id that happens to read like a channel is still a department.
    expect(breakdownName('department', { key: 'email', label: 'Email desk' })).toEqual({ kind: 'label', label: 'Email desk' });
  });

  it('charts the biggest rows and says how many more the table has', () => {
    expect(chartRows([1, 2, 3], 5)).toEqual({ shown: [1, 2, 3], more: 0 });
    expect(chartRows([1, 2, 3, 4, 5, 6], 4)).toEqual({ shown: [1, 2, 3, 4], more: 2 });
  });

  it('finds nothing to chart in rows of zeros', () => {
    expect(hasCounts([{ bucket: '2026-03-01', created: 0, resolved: 0 }], ['created', 'resolved'])).toBe(false);
    expect(hasCounts([{ bucket: '2026-03-01', created: 0, resolved: 2 }], ['created', 'resolved'])).toBe(true);
    expect(hasCounts([], ['created'])).toBe(false);
  });
});
