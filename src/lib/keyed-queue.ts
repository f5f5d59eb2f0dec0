/** Runs tasks one at a time per key; tasks on different keys run concurrently. */
export type KeyedQueue = {
  /** Runs `task` after every task queued earlier on `key` has settled (fulfilled or not). */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Resolves when no task is queued or running on any key. */
  idle(): Promise<void>;
};

/**
 * Creates a per-key promise chain. A failed task does not block the chain: the next task
 * still runs, and only the failed task's caller sees the error.
 *
 * @example
 *   const queue = createKeyedQueue();
 *   await Promise.all([queue.run('c1', saveA), queue.run('c1', saveB)]); // saveB starts after saveA
 */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<void>>();
  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      // Forget the key once its chain drains, so the map does not grow with every id ever seen.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    async idle() {
      // Tasks may be queued while we wait, so loop until a snapshot finds nothing pending.
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
  };
}
