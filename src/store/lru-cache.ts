/** A bounded map that forgets the least recently used entry first. */
export type LruCache<K, V> = {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
  readonly size: number;
};

/**
 * Creates an LRU cache holding at most `capacity` entries. Hand-written on purpose: a Map
 * already iterates in insertion order, so re-inserting on access is the whole algorithm
 * (about 20 lines), smaller than adding a dependency.
 *
 * @example
 *   const cache = createLruCache<string, number>(2);
 *   cache.set('a', 1); cache.set('b', 2); cache.get('a'); cache.set('c', 3); // evicts 'b'
 */
export function createLruCache<K, V>(capacity: number): LruCache<K, V> {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RangeError(`cache capacity must be a positive integer, got ${capacity}`);
  const entries = new Map<K, V>();
  return {
    get(key) {
      if (!entries.has(key)) return undefined;
      const value = entries.get(key);
      // Move to the most recent end.
      entries.delete(key);
      if (value !== undefined) entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    delete(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}
