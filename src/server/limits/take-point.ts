import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Rate } from '../../config/limits-schema.js';

/** A limiter's answer: allowed, or refused with the time until the next attempt may pass. */
export type Verdict = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * A limiter of `rate.max` per `rate.windowSeconds` per key, kept in this process's memory
 * (a fixed window per key that starts at its first use; the key is forgotten when it ends).
 *
 * @example const perIp = memoryLimiter({ max: 100, windowSeconds: 600 });
 */
export function memoryLimiter(rate: Rate): RateLimiterMemory {
  return new RateLimiterMemory({ points: rate.max, duration: rate.windowSeconds });
}

/**
 * Takes one point of `key` from `limiter`. rate-limiter-flexible rejects with a RateLimiterRes
 * when the key is over its budget; that becomes a refusal, anything else stays an error.
 *
 * @example if (!(await takePoint(perIp, ip)).ok) refuse();
 */
export async function takePoint(limiter: RateLimiterMemory, key: string): Promise<Verdict> {
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (e) {
    if (e instanceof RateLimiterRes) return { ok: false, retryAfterMs: e.msBeforeNext };
    throw e;
  }
}

/** "in 42 s" or "in 3 min", for refusal messages. */
export function retryIn(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 120 ? `in ${seconds} s` : `in ${Math.ceil(seconds / 60)} min`;
}
