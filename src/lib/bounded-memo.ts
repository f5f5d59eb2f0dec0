/** Remembers computed values by key, forgetting them all once `max` are held. */
export type BoundedMemo<K, V> = {
  /** The value remembered for `key`, or `build()`'s, which is remembered (undefined included). */
  get(key: K, build: () => V): V;
};

/**
 * A memo for pure lookups that the same few keys repeat (time zones, locales, one config's
 * slot grid). When full it is emptied, not trimmed: the keys in use come straight back, and a
 * stream of distinct keys can never grow it past `max`. Smaller than an LRU, which these do not
 * need.
 *
 * @example
 *   const offsets = createBoundedMemo<string, number>(1_000);
 *   offsets.get('Europe/Paris|29000000', () => computeOffset()); // computed once, then remembered
 */
export function createBoundedMemo<K, V>(max: number): BoundedMemo<K, V> {
  // Boxed, so a remembered `undefined` is told apart from a missing key without a cast.
  const values = new Map<K, { value: V }>();
  return {
    get(key, build) {
      const known = values.get(key);
      if (known !== undefined) return known.value;
      const value = build();
      if (values.size >= max) values.clear();
      values.set(key, { value });
      return value;
    },
  };
}
