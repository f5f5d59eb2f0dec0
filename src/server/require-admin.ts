import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { LimitsSchema, type Rate } from '../config/limits-schema.js';
import { AppError } from '../errors/app-error.js';
import { stderrLogger, type Logger } from '../lib/logger.js';
import { createAdminAttempts, type AdminAttempts } from './limits/admin-attempts.js';
import { clientIp } from './limits/client-ip.js';
import { retryIn } from './limits/take-point.js';

/** Compares digests, so neither the length nor the content of the token leaks through timing. */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

// One count of wrong tokens per process and token, shared by every admin router (a guess at
// /admin/leads and one at /admin/deliveries are two guesses at the same token).
let shared: { rate: Rate; logger: Logger } = {
  rate: LimitsSchema.parse({}).adminFailuresPerIp,
  logger: stderrLogger,
};
const sharedAttempts = new Map<string, AdminAttempts>();

/**
 * Sets the limit and logger of the shared count of wrong admin tokens (config
 * `limits.adminFailuresPerIp`); `main.ts` calls it once at start.
 *
 * @example configureAdminAttempts(config.limits.adminFailuresPerIp, stderrLogger);
 */
export function configureAdminAttempts(rate: Rate, logger: Logger): void {
  shared = { rate, logger };
  sharedAttempts.clear();
}

function attemptsFor(token: string): AdminAttempts {
  let attempts = sharedAttempts.get(token);
  if (attempts === undefined) {
    attempts = createAdminAttempts(shared);
    sharedAttempts.set(token, attempts);
  }
  return attempts;
}

/**
 * Guards admin routes with `Authorization: Bearer <ADMIN_TOKEN>` (401 without it). With no
 * ADMIN_TOKEN configured the routes answer 404, as if they did not exist. Past
 * `limits.adminFailuresPerIp` wrong tokens from one IP, every request from it is 429 with
 * Retry-After until the window ends, the right token included (a guess must not learn it
 * was right). `attempts` is for tests; by default the process-wide count is used.
 */
export function requireAdmin(adminToken: string | null, attempts?: AdminAttempts): RequestHandler {
  return (req, res, next) => {
    if (adminToken === null)
      return next(new AppError('NOT_FOUND', `No route for ${req.method} ${req.path}`));
    const guard = attempts ?? attemptsFor(adminToken);
    const ip = clientIp({ address: req.ip, forwardedFor: undefined }, false);
    const check = async (): Promise<void> => {
      const admitted = await guard.admit(ip);
      if (!admitted.ok) {
        res.set('Retry-After', String(Math.max(1, Math.ceil(admitted.retryAfterMs / 1000))));
        throw new AppError(
          'RATE_LIMITED',
          `Too many wrong admin tokens from your address. Try again ${retryIn(admitted.retryAfterMs)}.`,
        );
      }
      const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
      if (match?.[1] === undefined || !sameToken(match[1], adminToken)) {
        await guard.failed(ip);
        res.set('WWW-Authenticate', 'Bearer realm="leadbot admin"');
        throw new AppError('UNAUTHORIZED', 'send Authorization: Bearer <ADMIN_TOKEN>');
      }
    };
    check().then(() => next(), next);
  };
}
