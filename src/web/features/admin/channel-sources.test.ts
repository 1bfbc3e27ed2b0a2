import { describe, expect, it } from 'vitest';
import { createSourceBody } from '../../../contract/channel-intake.ts';
import { sourceKeyOf, sourcesOf } from './channel-sources.ts';

describe('the sources of marketplace and review tickets', () => {
  it('suggests a key the API takes from the name typed', () => {
    expect(sourceKeyOf('Tokopedia')).toBe('tokopedia');
    expect(sourceKeyOf('  Shopee Mall ')).toBe('shopee-mall');
    expect(sourceKeyOf('Café Ünique!')).toBe('cafe-unique');
    expect(sourceKeyOf('B2B / wholesale')).toBe('b2b-wholesale');
    expect(sourceKeyOf('x'.repeat(80))).toHaveLength(50);
    for (const label of ['Tokopedia', 'Shopee Mall', 'Café Ünique!', 'my_shop-2']) {
      expect(createSourceBody.safeParse({ channel: 'marketplace', key: sourceKeyOf(label), label }).success).toBe(true);
    }
  });

  it('a name of no letters or digits suggests no key', () => {
    expect(sourceKeyOf('★ ★')).toBe('');
  });

  it("lists one channel's sources by position", () => {
    const items = [
      { channel: 'review', key: 'google', label: 'Google', position: 0, retired: false },
      { channel: 'marketplace', key: 'ebay', label: 'eBay', position: 1, retired: true },
      { channel: 'marketplace', key: 'website', label: 'Website', position: 0, retired: false },
    ] as const;
    expect(sourcesOf(items, 'marketplace').map((s) => s.key)).toEqual(['website', 'ebay']);
  });
});
