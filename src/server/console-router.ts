import express, { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../config/config-schema.js';
import {
  CONSOLE_COOKIE,
  consoleUserOf,
  findConsoleUser,
  requireConsoleUser,
  safeNext,
  type ConsoleAuth,
} from '../console/console-auth.js';
import { renderConsoleNotice, renderLoginPage } from '../console/console-pages.js';
import { createLoginAttempts } from '../console/login-attempts.js';
import { createSessionStore, type SessionStore } from '../console/sessions/session-store.js';
import { dummyHash, verifyPassword } from '../console/users/password.js';
import type { UserStore } from '../console/users/user-store.js';
import { ROLES, type Role } from '../console/users/user.js';
import type { Logger } from '../lib/logger.js';
import { isOwnPost } from './booking-access.js';
import { PAGE_HEADERS } from './booking-request.js';
import { clientIp } from './limits/client-ip.js';
import { retryIn } from './limits/take-point.js';
import { CONSOLE_CSP } from '../console/console-csp.js';
import { consoleAssetsRouter, createConsoleAssets, type ConsoleAssets } from './console-assets.js';

export type ConsoleRouterDeps = {
  users: UserStore;
  config: Config;
  logger: Logger;
  clock?: () => Date;
  /** The console pages' scripts; built in memory or read from dist/console/ by default. */
  assets?: ConsoleAssets;
  /** Given by tests to look at the sessions; made from `console.sessionIdleMinutes` otherwise. */
  sessions?: SessionStore;
};

/** The console's routes, and what other console parts guard their routes with. */
export type ConsoleUi = {
  router: Router;
  auth: ConsoleAuth;
  /** `requireConsoleUser` over these sessions: `router.get(path, requireUser(['admin']), ...)`. */
  requireUser: (roles: readonly Role[]) => RequestHandler;
};

const LoginBody = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1024),
  next: z.unknown().optional(),
});
const WRONG = 'Wrong email or password.';

/**
 * The rep console's sign-in: `GET /console/login` (a form), `POST /console/login`,
 * `POST /console/logout` (the inbox at `GET /console` is inbox-router.ts, the lead pages
 * console-leads-router.ts). Sessions live in memory; the users are re-read on every
 * request. Other console routes guard themselves with the `requireUser(roles)` it returns.
 *
 * @example const { router } = createConsoleRouter({ users, config, logger: stderrLogger });
 */
export function createConsoleRouter(deps: ConsoleRouterDeps): ConsoleUi {
  const { users, config, logger } = deps;
  const clock = deps.clock ?? ((): Date => new Date());
  const sessions =
    deps.sessions ?? createSessionStore({ idleMinutes: config.console.sessionIdleMinutes, clock });
  const auth: ConsoleAuth = { users, sessions, publicUrl: config.server.publicUrl };
  const attempts = createLoginAttempts(config.console, logger);
  const secure = (config.server.publicUrl ?? '').startsWith('https:');
  // Path `/`: the console's live socket connects at `/socket.io/`, outside `/console`, and is
  // signed in by this cookie (the namespace `/console` checks it and the Origin).
  const cookie = { httpOnly: true, sameSite: 'lax', path: '/', secure } as const;
  const anyone = requireConsoleUser(auth, ROLES);

  const router = Router();
  router.use(
    '/console',
    express.urlencoded({ extended: false, limit: '8kb' }),
    (_req, res, next) => {
      res.set(PAGE_HEADERS);
      res.set('Content-Security-Policy', CONSOLE_CSP);
      next();
    },
  );
  router.use(consoleAssetsRouter(deps.assets ?? createConsoleAssets()));
  const login = (
    res: Response,
    status: number,
    next: string,
    email: string,
    error: string | null,
  ) => void res.status(status).type('html').send(renderLoginPage({ next, email, error }));

  router.get('/console/login', async (req, res) => {
    const next = safeNext(req.query.next);
    if ((await findConsoleUser(auth, req)) !== null) return res.redirect(303, next);
    login(res, 200, next, '', null);
  });

  router.post('/console/login', async (req, res) => {
    const body = LoginBody.safeParse(req.body);
    const next = safeNext(body.success ? body.data.next : undefined);
    // A login posted by another site would sign the browser in as someone else.
    if (!isOwnPost(req, config.server.publicUrl))
      return void res
        .status(403)
        .type('html')
        .send(renderConsoleNotice('Not signed in', 'Please sign in from the console’s own page.'));
    if (!body.success) return login(res, 400, next, '', 'Enter your email and password.');
    const { email, password } = body.data;
    const address = { address: req.socket.remoteAddress, forwardedFor: req.get('x-forwarded-for') };
    const ip = clientIp(address, config.server.trustProxy);
    const verdict = await attempts.admit(email, ip);
    if (!verdict.ok)
      return login(
        res,
        429,
        next,
        email,
        `Too many failed sign-ins. Try again ${retryIn(verdict.retryAfterMs)}.`,
      );
    const user = await users.get(email);
    // An unknown email costs the same scrypt as a wrong password, and gets the same answer.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (user === null || !ok || user.disabled) {
      await attempts.failed(email, ip);
      return login(res, 401, next, email, WRONG);
    }
    await attempts.succeeded(email);
    const { id } = sessions.create(user.email, user.passwordHash);
    res.cookie(CONSOLE_COOKIE, id, cookie);
    res.redirect(303, next);
  });

  router.post('/console/logout', anyone, (req, res) => {
    sessions.revoke(consoleUserOf(req).sessionId);
    res.clearCookie(CONSOLE_COOKIE, cookie);
    res.redirect(303, '/console/login');
  });

  return { router, auth, requireUser: (roles) => requireConsoleUser(auth, roles) };
}
