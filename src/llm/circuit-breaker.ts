/** The breaker's state: calls flow (closed), are skipped (open), or one trial call is let through (half_open). */
export type BreakerState = 'closed' | 'open' | 'half_open';

/**
 * A circuit breaker for the model service: after `threshold` failures in a row the LLM is
 * skipped for `cooldownMs` (every turn goes straight to rules), then one trial call decides
 * whether to close again. Every call `allow()` let through must end in `success()`,
 * `failure()` or `trip()`; a trial whose outcome never arrives is given up after a cool-down,
 * so a lost outcome can never keep the breaker open for good.
 */
export type CircuitBreaker = {
  /** True when a call may go out now; in half-open state only the first caller gets true. */
  allow(): boolean;
  /** The service answered (even with a refusal, bad JSON or a 400: it is up). Closes the breaker. */
  success(): void;
  /** The service failed (timeout, 429, 5xx, connection). A failed trial re-opens at once. */
  failure(): void;
  /** Opens at once, whatever the count (a configuration error: no call can succeed). */
  trip(): void;
  state(): BreakerState;
  /** Failures in a row so far (for log lines). */
  failures(): number;
};

export type CircuitBreakerOptions = {
  /** Consecutive failures that open the breaker (default 3). */
  threshold?: number;
  /** How long it stays open before a trial call (default 30 s). */
  cooldownMs?: number;
  /** Milliseconds clock; injected so tests never wait. */
  now?: () => number;
};

/**
 * Creates a breaker shared by every conversation of one process.
 * @example
 *   const breaker = createCircuitBreaker({ threshold: 3, cooldownMs: 30_000 });
 *   if (!breaker.allow()) throw new LlmError('breaker_open', 'LLM skipped');
 */
export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const threshold = options.threshold ?? 3;
  const cooldownMs = options.cooldownMs ?? 30_000;
  const now = options.now ?? Date.now;
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError(`breaker threshold must be a positive integer, got ${threshold}`);
  let failures = 0;
  let openedAt: number | null = null;
  /** When the half-open trial went out, or null when none is out. */
  let trialAt: number | null = null;

  const state = (): BreakerState => {
    if (openedAt === null) return 'closed';
    return now() - openedAt >= cooldownMs ? 'half_open' : 'open';
  };
  const open = (): void => {
    openedAt = now();
    trialAt = null;
  };

  return {
    state,
    failures: () => failures,
    allow() {
      const s = state();
      if (s === 'closed') return true;
      if (s === 'open') return false;
      if (trialAt !== null && now() - trialAt < cooldownMs) return false;
      trialAt = now();
      return true;
    },
    success() {
      failures = 0;
      openedAt = null;
      trialAt = null;
    },
    failure() {
      failures += 1;
      // A failed trial re-opens at once; otherwise the threshold decides.
      if (openedAt !== null || failures >= threshold) open();
    },
    trip() {
      failures = Math.max(failures + 1, threshold);
      open();
    },
  };
}
