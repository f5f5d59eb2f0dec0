/** A token bucket: `capacity` tokens, refilled continuously at `perMinute` tokens a minute. */
export type TokenBucket = {
  /** Takes one token; false when the bucket is empty (the caller refuses the request). */
  take(): boolean;
  /** Milliseconds until one token is available again (0 when one is available now). */
  waitMs(): number;
};

/**
 * Creates a token bucket with an injected clock, so tests never depend on wall-clock time.
 * Hand-written on purpose: a dozen lines, per connection, with no store or timers, which the
 * rate-limit libraries (built for HTTP middleware and shared stores) do not fit.
 *
 * @example
 *   const bucket = createTokenBucket({ perMinute: 30, now: Date.now });
 *   if (!bucket.take()) refuse();
 */
export function createTokenBucket(opts: {
  perMinute: number;
  capacity?: number;
  now: () => number;
}): TokenBucket {
  const capacity = opts.capacity ?? opts.perMinute;
  const perMs = opts.perMinute / 60_000;
  let tokens = capacity;
  let last = opts.now();

  const refill = (): void => {
    const now = opts.now();
    // A clock that goes backwards (tests, NTP) must not drain the bucket.
    const elapsed = Math.max(0, now - last);
    tokens = Math.min(capacity, tokens + elapsed * perMs);
    last = now;
  };

  return {
    take() {
      refill();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    waitMs() {
      refill();
      return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / perMs);
    },
  };
}
