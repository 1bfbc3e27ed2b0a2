/**
 * A per-database cache of small rows read on almost every request (sessions, API keys, names,
 * workspace settings). A change made by this process drops its entry at once; one made by
 * another process over the same PostgreSQL shows after `ttlMs` at most.
 * Freshness is measured on the monotonic clock, never the injected one, so tests that move
 * the domain clock neither keep stale rows nor lose fresh ones.
 */
export class ShortCache<K, V> {
  readonly ttlMs: number;
  readonly maxEntries: number;
  // One map per database, so servers over different databases in one process never mix.
  readonly #perDb = new WeakMap<object, Map<K, { value: V; at: number }>>();
  // Bumped by every drop, so a load that began before a change cannot cache what it read.
  readonly #generation = new WeakMap<object, number>();

  constructor(ttlMs: number, maxEntries = 10_000) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
  }

  #entries(root: object): Map<K, { value: V; at: number }> {
    let entries = this.#perDb.get(root);
    if (!entries) {
      entries = new Map();
      this.#perDb.set(root, entries);
    }
    return entries;
  }

  get(root: object, key: K, nowMs = performance.now()): V | undefined {
    const entries = this.#perDb.get(root);
    const entry = entries?.get(key);
    if (!entry) return undefined;
    if (nowMs - entry.at >= this.ttlMs) {
      entries?.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(root: object, key: K, value: V, nowMs = performance.now()): void {
    const entries = this.#entries(root);
    if (entries.size >= this.maxEntries && !entries.has(key)) {
      for (const [k, e] of entries) if (nowMs - e.at >= this.ttlMs) entries.delete(k);
      // Still full of fresh entries: drop the oldest (maps iterate in insertion order).
      if (entries.size >= this.maxEntries) entries.delete(entries.keys().next().value as K);
    }
    entries.delete(key);
    entries.set(key, { value, at: nowMs });
  }

  /** Reads through: the cached value, or the loaded one (cached unless it is undefined). */
  async read(root: object, key: K, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const cached = this.get(root, key);
    if (cached !== undefined) return cached;
    const generation = this.#generation.get(root) ?? 0;
    const loaded = await load();
    if (loaded !== undefined && (this.#generation.get(root) ?? 0) === generation) this.set(root, key, loaded);
    return loaded;
  }

  delete(root: object, key: K): void {
    this.#bump(root);
    this.#perDb.get(root)?.delete(key);
  }

  deleteWhere(root: object, matches: (key: K, value: V) => boolean): void {
    this.#bump(root);
    const entries = this.#perDb.get(root);
    if (!entries) return;
    for (const [k, e] of entries) if (matches(k, e.value)) entries.delete(k);
  }

  #bump(root: object): void {
    this.#generation.set(root, (this.#generation.get(root) ?? 0) + 1);
  }
}
