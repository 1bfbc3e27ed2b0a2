import { describe, expect, it } from 'vitest';
import { ShortCache } from './short-cache.ts';

describe('ShortCache', () => {
  const root = {};

  it('keeps a value for its TTL and drops it after', () => {
    const cache = new ShortCache<string, number>(1_000);
    cache.set(root, 'a', 1, 0);
    expect(cache.get(root, 'a', 999)).toBe(1);
    expect(cache.get(root, 'a', 1_000)).toBeUndefined();
  });

  it('keeps the values of two databases apart', () => {
    const cache = new ShortCache<string, number>(1_000);
    const other = {};
    cache.set(root, 'a', 1);
    expect(cache.get(other, 'a')).toBeUndefined();
  });

  it('reads through once, then answers from memory', async () => {
    const cache = new ShortCache<string, number>(60_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.read(root, 'k', load)).toBe(1);
    expect(await cache.read(root, 'k', load)).toBe(1);
    expect(loads).toBe(1);
  });

  it('does not cache a miss, so a row made later is found', async () => {
    const cache = new ShortCache<string, number>(60_000);
    expect(await cache.read(root, 'k', async () => undefined)).toBeUndefined();
    expect(await cache.read(root, 'k', async () => 7)).toBe(7);
  });

  it('does not cache what a load read when a drop happened while it ran', async () => {
    const cache = new ShortCache<string, string>(60_000);
    let release: () => void = () => undefined;
    const slow = cache.read(root, 'session', () => new Promise<string>((resolve) => (release = () => resolve('live'))));
    cache.delete(root, 'session');
    release();
    expect(await slow).toBe('live');
    expect(await cache.read(root, 'session', async () => 'revoked')).toBe('revoked');
  });

  it('drops the entries that match a predicate', () => {
    const cache = new ShortCache<string, { agent: number }>(60_000);
    cache.set(root, '1.1', { agent: 5 });
    cache.set(root, '1.2', { agent: 6 });
    cache.deleteWhere(root, (_key, v) => v.agent === 5);
    expect(cache.get(root, '1.1')).toBeUndefined();
    expect(cache.get(root, '1.2')).toEqual({ agent: 6 });
  });

  it('holds at most maxEntries, expired ones going first, then the oldest', () => {
    const cache = new ShortCache<number, number>(1_000, 3);
    cache.set(root, 1, 1, 0);
    cache.set(root, 2, 2, 500);
    cache.set(root, 3, 3, 900);
    cache.set(root, 4, 4, 1_200); // 1 has expired and makes room
    expect([1, 2, 3, 4].map((k) => cache.get(root, k, 1_200))).toEqual([undefined, 2, 3, 4]);
    cache.set(root, 5, 5, 1_300); // all fresh: the oldest (2) goes
    expect([2, 3, 4, 5].map((k) => cache.get(root, k, 1_300))).toEqual([undefined, 3, 4, 5]);
  });
});
