import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { ConsoleConfig } from '../config/console-schema.js';
import type { Logger } from '../lib/logger.js';
import { takePoint, type Verdict } from '../server/limits/take-point.js';

/** Failed console logins counted per account (email) and per client IP. */
export type LoginAttempts = {
  /** Refused while the email or the IP has used up its failures, the right password included. */
  admit(email: string, ip: string): Promise<Verdict>;
  /** Counts a failure for both, and logs it with the email and IP (never the password). */
  failed(email: string, ip: string): Promise<void>;
  /** A successful login clears the account's count (not the IP's). */
  succeeded(email: string): Promise<void>;
};

/**
 * Creates the login counters, in this process's memory. A refusal past a limit is logged once
 * per window per email and IP, so a flood writes a line, not thousands.
 *
 * @example const attempts = createLoginAttempts(config.console, logger);
 */
export function createLoginAttempts(config: ConsoleConfig, logger: Logger): LoginAttempts {
  const duration = config.loginWindowMinutes * 60;
  const perAccount = new RateLimiterMemory({ points: config.loginFailuresPerAccount, duration });
  const perIp = new RateLimiterMemory({ points: config.loginFailuresPerIp, duration });
  const logged = new RateLimiterMemory({ points: 1, duration });
  const over = async (limiter: RateLimiterMemory, key: string, max: number) => {
    const res = await limiter.get(key);
    return res !== null && res.consumedPoints >= max && res.msBeforeNext > 0 ? res : null;
  };
  return {
    async admit(email, ip) {
      const account = await over(perAccount, email, config.loginFailuresPerAccount);
      const client = await over(perIp, ip, config.loginFailuresPerIp);
      const hit = account ?? client;
      if (hit === null) return { ok: true };
      if ((await takePoint(logged, `${email} ${ip}`)).ok)
        logger.warn('console login limited', {
          email,
          ip,
          limit: account ? 'account' : 'ip',
          retryAfterSeconds: Math.ceil(hit.msBeforeNext / 1000),
        });
      return { ok: false, retryAfterMs: hit.msBeforeNext };
    },
    async failed(email, ip) {
      logger.warn('console login refused', { email, ip });
      await perAccount.penalty(email);
      await perIp.penalty(ip);
    },
    async succeeded(email) {
      await perAccount.delete(email);
    },
  };
}
