import { AppError } from '../../errors/app-error.js';

/** Runs tasks per key, at most `max` at a time each. */
export type InFlightLimit = {
  /** Runs `task`; AppError('RATE_LIMITED') with `refusal` when `key` already has `max` running. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Tasks running now for `key`. */
  running(key: string): number;
};

/**
 * A cap on work in progress per key (a console user, for a costly request): the next one is
 * refused at once rather than queued, and the count drops when a task settles, however it ends.
 *
 * @example const previews = createInFlightLimit(2, 'A preview is still playing.');
 * await previews.run(user.email, () => playDraft(...));
 */
export function createInFlightLimit(max: number, refusal: string): InFlightLimit {
  const counts = new Map<string, number>();
  const running = (key: string): number => counts.get(key) ?? 0;
  return {
    running,
    async run(key, task) {
      if (running(key) >= max) throw new AppError('RATE_LIMITED', refusal);
      counts.set(key, running(key) + 1);
      try {
        return await task();
      } finally {
        const left = running(key) - 1;
        if (left > 0) counts.set(key, left);
        else counts.delete(key);
      }
    },
  };
}
