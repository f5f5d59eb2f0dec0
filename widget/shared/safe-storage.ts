/** The slice of Web Storage the widget uses; a fake in tests. */
export type KeyValueStore = {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
};

/**
 * Wraps localStorage or sessionStorage. Reading the property itself throws when storage is
 * blocked (third-party cookies off, sandboxed iframes), and setItem throws when full: the
 * widget then keeps its state in memory for this page instead of failing.
 *
 * @example const store = safeStorage(() => window.localStorage);
 */
export function safeStorage(open: () => Storage): KeyValueStore {
  const memory = new Map<string, string>();
  let storage: Storage | null;
  try {
    storage = open();
  } catch {
    storage = null;
  }
  return {
    get(key) {
      try {
        return storage?.getItem(key) ?? memory.get(key) ?? null;
      } catch {
        return memory.get(key) ?? null;
      }
    },
    set(key, value) {
      memory.set(key, value);
      try {
        storage?.setItem(key, value);
      } catch {
        // Quota or privacy mode: the in-memory copy still serves this page.
      }
    },
    remove(key) {
      memory.delete(key);
      try {
        storage?.removeItem(key);
      } catch {
        // As above: nothing more to do.
      }
    },
  };
}

/** Storage keys, namespaced by server so two leadbot widgets on one site never collide. */
export const storageKeys = (origin: string) => ({
  session: `leadbot:${origin}:session`,
  open: `leadbot:${origin}:open`,
  firstTouch: `leadbot:${origin}:first-touch`,
});
