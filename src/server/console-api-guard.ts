import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { findConsoleUser, type ConsoleAuth } from '../console/console-auth.js';
import type { Role } from '../console/users/user.js';
import { AppError } from '../errors/app-error.js';

/**
 * The session check of a console JSON API: 401 `UNAUTHORIZED` without a session and 403
 * `FORBIDDEN` for a role not in `roles` (rather than the login page's redirect or a 403 page),
 * naming `what` is refused. CSRF and Origin stay with `requireUser`, mounted after it.
 *
 * @example router.use('/console/api/analytics', consoleApiSession(auth, ['admin'], 'Analytics'), ...);
 */
export function consoleApiSession(
  auth: ConsoleAuth,
  roles: readonly Role[],
  what: string,
): RequestHandler {
  return (req, _res, next) => {
    void findConsoleUser(auth, req).then((ctx) => {
      if (ctx === null) return next(new AppError('UNAUTHORIZED', 'Please sign in to the console.'));
      if (!roles.includes(ctx.user.role))
        return next(
          new AppError('FORBIDDEN', `${what} are not open to the ${ctx.user.role} role.`),
        );
      next();
    }, next);
  };
}

/**
 * `value` read by `schema`, or a 400 `BAD_REQUEST` naming `what` and the first issue's path.
 *
 * @example const body = parseInput(PublishBody, req.body, 'body'); // "invalid body note: ..."
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` ${issue.path.join('.')}` : '';
  throw new AppError('BAD_REQUEST', `invalid ${what}${where}: ${issue?.message ?? 'invalid'}`);
}
