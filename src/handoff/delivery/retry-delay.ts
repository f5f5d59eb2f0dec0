/**
 * How far the wait before a retry may stray from its schedule step (+/- 20 %), so deliveries
 * that failed together during an outage do not all retry in the same second when it ends.
 */
export const JITTER_RATIO = 0.2;

export type RetryDelayInput = {
  /** The waits before each retry, in ms (config `crm.retrySchedule`). */
  schedule: readonly number[];
  /** How many attempts of the current round have failed so far, counting the one that just did (1 or more). */
  failedAttempts: number;
  /** A number in [0, 1); 0.5 means no jitter. */
  random: number;
  /** The receiver's Retry-After in ms, when it sent one. */
  retryAfterMs: number | null;
  /** The longest Retry-After honoured. */
  retryAfterMaxMs: number;
};

/**
 * The wait before the next attempt, or null when the schedule is used up (dead letter).
 * A Retry-After from the receiver replaces the schedule's step (capped), since the receiver
 * knows best when it can take the event; the number of attempts stays bounded by the schedule.
 *
 * @example
 *   retryDelay({ schedule: [5000, 30000], failedAttempts: 1, random: 0.5, retryAfterMs: null, retryAfterMaxMs: 86400000 }) // 5000
 *   retryDelay({ schedule: [5000, 30000], failedAttempts: 3, random: 0.5, retryAfterMs: null, retryAfterMaxMs: 86400000 }) // null
 */
export function retryDelay(input: RetryDelayInput): number | null {
  const step = input.schedule[input.failedAttempts - 1];
  if (step === undefined) return null;
  if (input.retryAfterMs !== null)
    return Math.min(Math.max(0, input.retryAfterMs), input.retryAfterMaxMs);
  const factor = 1 + JITTER_RATIO * (2 * input.random - 1);
  return Math.round(step * factor);
}
