import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Rate } from '../../config/limits-schema.js';
import type { Logger } from '../../lib/logger.js';
import { memoryLimiter, takePoint, type Verdict } from './take-point.js';

/** Wrong admin tokens counted per client IP (config `limits.adminFailuresPerIp`). */
export type AdminAttempts = {
  /** Refused while `ip` has used up its failures for the window, the right token included. */
  admit(ip: string): Promise<Verdict>;
  /** Counts a wrong or missing token from `ip`. */
  failed(ip: string): Promise<void>;
};

/**
 * Creates the count of wrong admin tokens, in this process's memory. Each failed attempt and
 * each refusal past the limit is logged with the IP, once per window and IP (a flood of
 * guesses writes two lines a minute, not thousands); the token tried is never logged.
 *
 * @example const attempts = createAdminAttempts({ rate: { max: 10, windowSeconds: 60 }, logger });
 */
export function createAdminAttempts(opts: { rate: Rate; logger: Logger }): AdminAttempts {
  const { rate, logger } = opts;
  const failures = memoryLimiter(rate);
  const logged = new RateLimiterMemory({ points: 1, duration: rate.windowSeconds });
  const firstInWindow = async (key: string): Promise<boolean> => (await takePoint(logged, key)).ok;

  return {
    async admit(ip) {
      const res = await failures.get(ip);
      // A window that ended but was not yet swept (its timer had no turn) counts as gone.
      if (res === null || res.consumedPoints < rate.max || res.msBeforeNext <= 0)
        return { ok: true };
      const retryAfterMs = Math.max(0, res.msBeforeNext);
      if (await firstInWindow(`limited ${ip}`)) {
        logger.warn('admin token attempts limited', {
          ip,
          failures: res.consumedPoints,
          retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
        });
      }
      return { ok: false, retryAfterMs };
    },
    async failed(ip) {
      await failures.penalty(ip);
      if (await firstInWindow(`failed ${ip}`)) logger.warn('admin token refused', { ip });
    },
  };
}
