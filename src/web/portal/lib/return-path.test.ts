import { beforeEach, describe, expect, it } from 'vitest';
import { rememberReturnPath, takeReturnPath } from './return-path.ts';

describe('the page to come back to after signing in', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    globalThis.localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    } as Storage;
  });

  it('is given back once, within the hour', () => {
    rememberReturnPath('shop', '/portal/shop/tickets/2026001', 1000);
    expect(takeReturnPath('shop', 2000)).toBe('/portal/shop/tickets/2026001');
    expect(takeReturnPath('shop', 3000)).toBeNull();
  });

  it('is forgotten after an hour', () => {
    rememberReturnPath('shop', '/portal/shop/tickets/2026001', 0);
    expect(takeReturnPath('shop', 60 * 60_000 + 1)).toBeNull();
  });

  it('is never a page outside the workspace’s portal', () => {
    rememberReturnPath('shop', '/portal/other/tickets/1', 0);
    expect(takeReturnPath('shop', 1)).toBeNull();
    rememberReturnPath('shop', 'https://evil.example/portal/shop/', 0);
    expect(takeReturnPath('shop', 1)).toBeNull();
  });
});
